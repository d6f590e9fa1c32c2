package org.fvstudio.ui.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.fvstudio.project.Project;
import org.fvstudio.ui.studio.StudioViewModel;

/**
 * The timeline for now: a playhead slider over the project's frames that shows the target pose of
 * that frame, plus the plain statement of what is not there yet (keyframe tracks, generated frames).
 */
public final class TimelineView extends VBox {

    private final StudioViewModel viewModel;
    private final Slider playhead = new Slider(0, 47, 0);
    private final Label frameLabel = new Label();
    private final Label targetSummary = new Label();
    private boolean updating;

    public TimelineView(StudioViewModel viewModel) {
        this.viewModel = viewModel;
        setId("timeline");
        getStyleClass().add("timeline");
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);

        playhead.setId("frameSlider");
        playhead.setBlockIncrement(1);
        playhead.setMajorTickUnit(10);
        playhead.setShowTickMarks(true);
        playhead.setSnapToTicks(false);
        HBox.setHgrow(playhead, Priority.ALWAYS);
        frameLabel.setId("frameLabel");
        frameLabel.setMinWidth(130);
        HBox row = new HBox(10, new Label("Frame"), playhead, frameLabel);
        row.setAlignment(Pos.CENTER_LEFT);

        targetSummary.setId("targetSummary");
        Label editorNote = new Label("Keyframe editing arrives with the skeleton editor.");
        editorNote.getStyleClass().add("empty-zone");
        Label generated = new Label("No generated frames yet – generation arrives with the model pack.");
        generated.setId("generatedStrip");
        generated.getStyleClass().add("empty-zone");
        getChildren().setAll(row, targetSummary, editorNote, generated);

        playhead.valueProperty().addListener((obs, old, value) -> {
            if (!updating) {
                viewModel.currentFrameProperty().set((int) Math.round(value.doubleValue()));
            }
        });
        viewModel.currentFrameProperty().addListener((obs, old, frame) -> show(viewModel.project()));
        viewModel.document().projectProperty().addListener((obs, old, project) -> show(project));
        show(viewModel.project());
    }

    private void show(Project project) {
        updating = true;
        try {
            int last = project.frameCount() - 1;
            playhead.setMax(Math.max(last, 0));
            playhead.setDisable(last == 0);
            int frame = viewModel.currentFrameProperty().get();
            playhead.setValue(frame);
            frameLabel.setText(frame + " / " + last + "  (" + format(project.fps()) + " fps)");
            int people = project.target().people().size();
            int lastKey = project.target().lastKeyFrame();
            targetSummary.setText(project.target().isEmpty()
                    ? "Target pose: none yet – import a pose sequence (File ▸ Import pose sequence)."
                    : "Target pose: " + people + " person(s), keys up to frame " + lastKey + ".");
        } finally {
            updating = false;
        }
    }

    private static String format(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps);
    }
}
