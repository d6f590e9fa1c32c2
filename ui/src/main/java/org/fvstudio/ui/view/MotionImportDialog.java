package org.fvstudio.ui.view;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.fvstudio.ui.studio.MotionImport;

/** File ▸ Import motion (BVH): picks the file, then asks for the orbit camera it is seen through. */
final class MotionImportDialog {

    private MotionImportDialog() {
    }

    static Optional<Path> chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import motion (BVH)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("BVH motion capture", "*.bvh", "*.BVH"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
    }

    /** What the import dialog asked: the orbit camera, and whether to reset the project's 2D camera. */
    record ImportChoice(MotionImport.Orbit orbit, boolean resetCamera) {
    }

    /**
     * The orbit camera for an import and, when {@code offerCameraReset} (the project's camera zooms, pans or
     * rolls), whether to reset that camera so the motion is framed as the orbit camera frames it (ticked).
     */
    static Optional<ImportChoice> askImport(Window owner, Path file, boolean offerCameraReset) {
        CheckBox reset = new CheckBox("Reset the project camera (zoom, pan, roll) to fit the motion");
        reset.setId("motionResetCamera");
        reset.setSelected(true);
        return ask(owner, file, true, offerCameraReset ? reset : null)
                .map(orbit -> new ImportChoice(orbit, offerCameraReset && reset.isSelected()));
    }

    static Optional<MotionImport.Orbit> askOrbit(Window owner, Path file) {
        return ask(owner, file, false, null);
    }

    private static Optional<MotionImport.Orbit> ask(Window owner, Path file, boolean importing, CheckBox extra) {
        Dialog<MotionImport.Orbit> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Orbit camera for " + file.getFileName());
        dialog.setHeaderText("The motion is projected through a pinhole camera circling the performer.\n"
                + "Yaw 0 looks at the performer's front (estimated from their hips, shoulders, toes and first steps);\n"
                + "180 shows them from behind." + (importing ? " The frame count becomes the motion's length." : ""));
        Spinner<Double> startYaw = spinner(-720, 720, 0, 15, "orbitStartYaw");
        Spinner<Double> orbit = spinner(-1440, 1440, 0, 15, "orbitDegrees");
        Spinner<Double> elevation = spinner(-89, 89, 0, 5, "orbitElevation");
        Spinner<Double> distance = spinner(0.1, 10, 1, 0.1, "orbitDistance");
        Spinner<Double> focal = spinner(0, 20_000, 0, 50, "orbitFocal");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Yaw at the first frame (°)"), startYaw);
        grid.addRow(1, new Label("Orbit over the clip (°)"), orbit);
        grid.addRow(2, new Label("Elevation (°)"), elevation);
        grid.addRow(3, new Label("Distance (× framing distance)"), distance);
        grid.addRow(4, new Label("Focal length (px, 0 = 40° view)"), focal);
        if (extra != null) {
            grid.add(extra, 0, 5, 2, 1);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new MotionImport.Orbit(startYaw.getValue(), orbit.getValue(), elevation.getValue(),
                        distance.getValue(), focal.getValue())
                : null);
        return dialog.showAndWait();
    }

    private static Spinner<Double> spinner(double min, double max, double value, double step, String id) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
        s.setEditable(true);
        s.setId(id);
        return s;
    }
}
