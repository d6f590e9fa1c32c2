package org.fvstudio.ui.view;

import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.ui.editor.JointRef;
import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.studio.StudioViewModel;

/** Inspector section: the selected joint's stored x, y and confidence, editable (each change an edit). */
public final class JointInspectorView extends VBox {

    private final SkeletonEditor editor;
    private final Label name = new Label();
    private final Spinner<Double> x = spinner(-100_000, 100_000, 1, "jointXSpinner");
    private final Spinner<Double> y = spinner(-100_000, 100_000, 1, "jointYSpinner");
    private final Spinner<Double> confidence = spinner(0, 1, 0.05, "jointConfidenceSpinner");
    private final GridPane grid = new GridPane();
    private final Label none = new Label("No joint selected. Click a joint in the viewer; shift-click or drag a box to select several.");
    private boolean updating;

    public JointInspectorView(StudioViewModel studio, SkeletonEditor editor) {
        super(6);
        this.editor = editor;
        setId("jointInspector");
        name.setId("jointName");
        none.getStyleClass().add("empty-zone");
        none.setWrapText(true);
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Joint"), name);
        grid.addRow(1, new Label("X (px)"), x);
        grid.addRow(2, new Label("Y (px)"), y);
        grid.addRow(3, new Label("Confidence"), confidence);
        getChildren().setAll(none, grid);
        for (Spinner<Double> s : java.util.List.of(x, y, confidence)) {
            s.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> studio.document().history().beginGesture());
            s.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> studio.document().history().endGesture());
            s.valueProperty().addListener((obs, old, v) -> commit());
        }
        editor.primaryProperty().addListener((obs, old, j) -> show());
        studio.document().projectProperty().addListener((obs, old, p) -> show());
        studio.currentFrameProperty().addListener((obs, old, f) -> show());
        show();
    }

    private void commit() {
        if (updating || x.getValue() == null || y.getValue() == null || confidence.getValue() == null) {
            return;
        }
        editor.setPrimaryJoint(x.getValue(), y.getValue(), confidence.getValue());
    }

    private void show() {
        JointRef joint = editor.primaryProperty().get();
        Optional<Keypoint> point = editor.primaryJoint();
        boolean present = joint != null && point.isPresent();
        grid.setVisible(present);
        grid.setManaged(present);
        none.setVisible(!present);
        none.setManaged(!present);
        if (!present) {
            return;
        }
        updating = true;
        try {
            int selected = editor.selection().size();
            name.setText(SkeletonEditor.jointName(joint.index()) + " · person " + (joint.person() + 1)
                    + (selected > 1 ? " (+" + (selected - 1) + " more selected)" : ""));
            x.getValueFactory().setValue(round(point.get().x()));
            y.getValueFactory().setValue(round(point.get().y()));
            confidence.getValueFactory().setValue(round(point.get().confidence()));
        } finally {
            updating = false;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static Spinner<Double> spinner(double min, double max, double step, String id) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, 0, step));
        s.setEditable(true);
        s.setPrefWidth(110);
        s.setId(id);
        return s;
    }
}
