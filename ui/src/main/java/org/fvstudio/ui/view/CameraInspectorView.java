package org.fvstudio.ui.view;

import java.util.List;
import java.util.function.BiFunction;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.timeline.TimelineEditor;

/**
 * Inspector section: the virtual camera at the playhead (zoom about the pivot, pan, roll, cut,
 * interpolation). Changing a value where no camera key exists creates one there.
 */
public final class CameraInspectorView extends VBox {

    private final TimelineEditor timeline;
    private final Label state = new Label();
    private final Spinner<Double> zoom = spinner(0.05, 20, 0.05, "cameraZoomSpinner");
    private final Spinner<Double> pivotX = spinner(-100_000, 100_000, 1, "cameraPivotXSpinner");
    private final Spinner<Double> pivotY = spinner(-100_000, 100_000, 1, "cameraPivotYSpinner");
    private final Spinner<Double> panX = spinner(-100_000, 100_000, 1, "cameraPanXSpinner");
    private final Spinner<Double> panY = spinner(-100_000, 100_000, 1, "cameraPanYSpinner");
    private final Spinner<Double> roll = spinner(-360, 360, 1, "cameraRollSpinner");
    private final CheckBox cut = new CheckBox("Cut (jump here, no blend)");
    private final ChoiceBox<Interpolation> interpolation = new ChoiceBox<>();
    private boolean updating;

    public CameraInspectorView(StudioViewModel studio, TimelineEditor timeline) {
        super(6);
        this.timeline = timeline;
        setId("cameraInspector");
        state.setId("cameraKeyState");
        state.setWrapText(true);
        cut.setId("cameraCutCheck");
        interpolation.setId("cameraInterpolationChoice");
        interpolation.getItems().setAll(Interpolation.values());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Zoom"), zoom);
        grid.addRow(1, new Label("Pivot X"), pivotX);
        grid.addRow(2, new Label("Pivot Y"), pivotY);
        grid.addRow(3, new Label("Pan X"), panX);
        grid.addRow(4, new Label("Pan Y"), panY);
        grid.addRow(5, new Label("Roll (°)"), roll);
        grid.addRow(6, new Label("Blend"), interpolation);
        getChildren().setAll(state, grid, cut);

        bind(zoom, "zoom", (k, v) -> new CameraKeyframe(k.frame(), v, k.pivotX(), k.pivotY(), k.panX(), k.panY(), k.rollDegrees(), k.cut(), k.interpolation()));
        bind(pivotX, "pivot", (k, v) -> new CameraKeyframe(k.frame(), k.zoom(), v, k.pivotY(), k.panX(), k.panY(), k.rollDegrees(), k.cut(), k.interpolation()));
        bind(pivotY, "pivot", (k, v) -> new CameraKeyframe(k.frame(), k.zoom(), k.pivotX(), v, k.panX(), k.panY(), k.rollDegrees(), k.cut(), k.interpolation()));
        bind(panX, "pan", (k, v) -> new CameraKeyframe(k.frame(), k.zoom(), k.pivotX(), k.pivotY(), v, k.panY(), k.rollDegrees(), k.cut(), k.interpolation()));
        bind(panY, "pan", (k, v) -> new CameraKeyframe(k.frame(), k.zoom(), k.pivotX(), k.pivotY(), k.panX(), v, k.rollDegrees(), k.cut(), k.interpolation()));
        bind(roll, "roll", (k, v) -> new CameraKeyframe(k.frame(), k.zoom(), k.pivotX(), k.pivotY(), k.panX(), k.panY(), v, k.cut(), k.interpolation()));
        cut.selectedProperty().addListener((obs, old, on) -> {
            if (!updating) {
                CameraKeyframe k = timeline.cameraKeyHere();
                timeline.setCameraKey("cut", new CameraKeyframe(k.frame(), k.zoom(), k.pivotX(), k.pivotY(), k.panX(), k.panY(), k.rollDegrees(), on, k.interpolation()));
            }
        });
        interpolation.valueProperty().addListener((obs, old, mode) -> {
            if (!updating && mode != null) {
                CameraKeyframe k = timeline.cameraKeyHere();
                timeline.setCameraKey("interpolation", new CameraKeyframe(k.frame(), k.zoom(), k.pivotX(), k.pivotY(), k.panX(), k.panY(), k.rollDegrees(), k.cut(), mode));
            }
        });
        for (Spinner<Double> s : List.of(zoom, pivotX, pivotY, panX, panY, roll)) {
            s.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> studio.document().history().beginGesture());
            s.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> studio.document().history().endGesture());
        }
        studio.document().projectProperty().addListener((obs, old, p) -> show());
        studio.currentFrameProperty().addListener((obs, old, f) -> show());
        show();
    }

    private void bind(Spinner<Double> spinner, String field, BiFunction<CameraKeyframe, Double, CameraKeyframe> change) {
        spinner.valueProperty().addListener((obs, old, v) -> {
            if (!updating && v != null) {
                timeline.setCameraKey(field, change.apply(timeline.cameraKeyHere(), v));
            }
        });
    }

    private void show() {
        updating = true;
        try {
            CameraKeyframe k = timeline.cameraKeyHere();
            state.setText(timeline.hasCameraKeyHere() ? "Camera key at frame " + k.frame()
                    : "No camera key at frame " + k.frame() + " (values interpolated; a change creates a key)");
            zoom.getValueFactory().setValue(k.zoom());
            pivotX.getValueFactory().setValue(k.pivotX());
            pivotY.getValueFactory().setValue(k.pivotY());
            panX.getValueFactory().setValue(k.panX());
            panY.getValueFactory().setValue(k.panY());
            roll.getValueFactory().setValue(k.rollDegrees());
            cut.setSelected(k.cut());
            interpolation.setValue(k.interpolation());
        } finally {
            updating = false;
        }
    }

    private static Spinner<Double> spinner(double min, double max, double step, String id) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, min <= 1 && max >= 1 && step < 1 ? 1 : 0, step));
        s.setEditable(true);
        s.setPrefWidth(110);
        s.setId(id);
        return s;
    }
}
