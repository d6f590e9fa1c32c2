package org.fvstudio.ui.view;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.fvstudio.project.Project;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.timeline.CameraPresets;

import org.fvstudio.ui.timeline.TimelineEditor;
import org.fvstudio.ui.timeline.Transport;

/**
 * The timeline: transport controls (play, step, keyframe jumps, loop, typed frame number, in/out),
 * a scrub slider, the keyframe tracks ({@link DopeSheet}) and the strip where generated frames will
 * appear. Playback is driven by an {@link AnimationTimer} that only advances the playhead.
 */
public final class TimelineView extends VBox {

    private final StudioViewModel viewModel;
    private final TimelineEditor editor;
    private final Transport transport;
    private final Slider playhead = new Slider(0, 47, 0);
    private final Label frameLabel = new Label();
    private final TextField frameField = new TextField();
    private final Label rangeLabel = new Label();
    private final Label targetSummary = new Label();
    private final Button play = new Button("▶");
    private final Spinner<Integer> presetFrames = new Spinner<>(1, 10_000, 24);
    private final DopeSheet dopeSheet;
    private final AnimationTimer timer;
    private boolean updating;

    public TimelineView(StudioViewModel viewModel, TimelineEditor editor) {
        this.viewModel = viewModel;
        this.editor = editor;
        this.transport = editor.transport();
        this.dopeSheet = new DopeSheet(viewModel, editor);
        setId("timeline");
        getStyleClass().add("timeline");
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);

        playhead.setId("frameSlider");
        playhead.setBlockIncrement(1);
        playhead.setMajorTickUnit(10);
        playhead.setShowTickMarks(true);
        playhead.setSnapToTicks(false);
        playhead.setFocusTraversable(false);
        HBox.setHgrow(playhead, Priority.ALWAYS);
        frameLabel.setId("frameLabel");
        frameLabel.setMinWidth(110);
        frameField.setId("frameField");
        frameField.setPrefColumnCount(5);
        frameField.setTooltip(new Tooltip("Type a frame number and press Enter"));
        frameField.setOnAction(e -> goToTyped());
        rangeLabel.setId("rangeLabel");
        play.setId("playButton");
        play.setTooltip(new Tooltip("Play / pause (Space); J / K / L shuttle"));
        play.setOnAction(e -> transport.togglePlay());
        ToggleButton loop = new ToggleButton("Loop");
        loop.setId("loopToggle");
        loop.selectedProperty().bindBidirectional(transport.loopProperty());
        loop.setMinWidth(Region.USE_PREF_SIZE);
        Button previousKey = small("|◀", "Previous keyframe (Down / Alt+Left)", "previousKeyButton", editor::previousKeyframe);
        Button stepBack = small("◀", "Previous frame (Left)", "stepBackButton", () -> transport.step(-1));
        Button stepForward = small("▶|", "Next frame (Right)", "stepForwardButton", () -> transport.step(1));
        Button nextKey = small("▶▶|", "Next keyframe (Up / Alt+Right)", "nextKeyButton", editor::nextKeyframe);
        HBox row = new HBox(6, previousKey, stepBack, play, stepForward, nextKey, loop, new Label("Frame"), frameField,
                frameLabel, playhead, rangeLabel);
        row.setAlignment(Pos.CENTER_LEFT);

        Button insert = small("Insert key", "Key the focused track at the playhead (K while stopped, or Insert)",
                "insertKeyButton", editor::insertKey);
        Button reduce = small("Reduce keyframes…", "Thin per-frame tracks to keys within "
                + TimelineEditor.DEFAULT_TOLERANCE + " px", "reduceKeysButton",
                () -> editor.reduceKeyframes(TimelineEditor.DEFAULT_TOLERANCE));
        MenuButton presets = new MenuButton("Camera presets");
        presets.setId("cameraPresetsMenu");
        presets.setMinWidth(Region.USE_PREF_SIZE);
        for (CameraPresets.Preset preset : CameraPresets.Preset.values()) {
            MenuItem item = new MenuItem(preset.label());
            item.setId("preset-" + preset.name());
            item.setOnAction(e -> editor.applyPreset(preset, presetFrames.getValue()));
            presets.getItems().add(item);
        }
        presetFrames.setId("presetFramesSpinner");
        presetFrames.setEditable(true);
        presetFrames.setPrefWidth(80);
        targetSummary.setId("targetSummary");
        targetSummary.setMinWidth(0);
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(targetSummary.textProperty());
        targetSummary.setTooltip(summaryTip);
        HBox tools = new HBox(6, insert, reduce, presets, new Label("over"), presetFrames, new Label("frames from the playhead"),
                targetSummary);
        tools.setAlignment(Pos.CENTER_LEFT);

        Label generated = new Label("No generated frames yet – generation arrives with the model pack.");
        generated.setId("generatedStrip");
        generated.getStyleClass().add("empty-zone");
        getChildren().setAll(row, tools, dopeSheet, generated);

        playhead.valueProperty().addListener((obs, old, value) -> {
            if (!updating) {
                transport.pause();
                viewModel.currentFrameProperty().set((int) Math.round(value.doubleValue()));
            }
        });
        viewModel.currentFrameProperty().addListener((obs, old, frame) -> show(viewModel.project()));
        viewModel.document().projectProperty().addListener((obs, old, project) -> {
            show(project);
            dopeSheet.requestLayout();
        });
        transport.inPointProperty().addListener((obs, old, v) -> show(viewModel.project()));
        transport.outPointProperty().addListener((obs, old, v) -> show(viewModel.project()));
        transport.playingProperty().addListener((obs, old, on) -> play.setText(on ? "❚❚" : "▶"));
        timer = new AnimationTimer() {
            private long last = -1;

            @Override
            public void handle(long now) {
                if (!transport.isPlaying()) {
                    last = -1;
                    return;
                }
                if (last >= 0) {
                    transport.advance((now - last) / 1e9);
                }
                last = now;
            }
        };
        timer.start();
        show(viewModel.project());
    }

    public DopeSheet dopeSheet() {
        return dopeSheet;
    }

    public void stopTimer() {
        timer.stop();
    }

    /** Focuses the typed-frame field (Ctrl+G). */
    public void focusFrameField() {
        frameField.requestFocus();
        frameField.selectAll();
    }

    private void goToTyped() {
        try {
            transport.pause();
            transport.goTo(Integer.parseInt(frameField.getText().strip()));
        } catch (NumberFormatException e) {
            viewModel.statusProperty().set("Not a frame number: " + frameField.getText());
        }
        show(viewModel.project());
        dopeSheet.requestFocus();
    }

    private void show(Project project) {
        updating = true;
        try {
            int last = project.frameCount() - 1;
            playhead.setMax(Math.max(last, 0));
            playhead.setDisable(last == 0);
            int frame = viewModel.currentFrameProperty().get();
            playhead.setValue(frame);
            if (!frameField.isFocused()) {
                frameField.setText(String.valueOf(frame));
            }
            frameLabel.setText("/ " + last + "  (" + format(project.fps()) + " fps)");
            int in = transport.inPointProperty().get();
            int out = transport.outPointProperty().get();
            rangeLabel.setText(in < 0 && out < 0 ? "In/Out: all" : "In " + transport.rangeStart() + " · Out " + transport.rangeEnd());
            int people = project.target().people().size();
            int lastKey = project.target().lastKeyFrame();
            targetSummary.setText(project.target().isEmpty()
                    ? "Target pose: none yet – import a pose sequence (File ▸ Import pose sequence)."
                    : "Target pose: " + people + " person(s), keys up to frame " + lastKey + "."
                    + (project.retarget() == null ? ""
                            : " Retargeted to the character (" + project.retarget().options().describe() + ")."));
        } finally {
            updating = false;
        }
    }

    private static Button small(String text, String tip, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE); // a long summary beside it must not shorten the caption
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static String format(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps);
    }

    /** Puts the generated-frames strip where the placeholder with id {@code generatedStrip} is. */
    public void setGeneratedStrip(javafx.scene.Node strip) {
        getChildren().replaceAll(node -> "generatedStrip".equals(node.getId()) ? strip : node);
    }

}
