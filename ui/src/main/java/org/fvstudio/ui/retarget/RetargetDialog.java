package org.fvstudio.ui.retarget;

import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.fvstudio.project.RetargetOptions;

/** Asks for the options of Pose ▸ Retarget motion to the character…, starting from the current ones. */
final class RetargetDialog {

    private RetargetDialog() {
    }

    static Optional<RetargetOptions> ask(Window owner, RetargetOptions current, boolean retargeted) {
        Dialog<RetargetOptions> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Retarget motion to the character");
        dialog.setHeaderText("Every bone of the motion takes the character's length, measured on the references' "
                + "skeletons;\njoint directions, the screen position and the feet on the ground stay as they are."
                + (retargeted ? "\nThe motion is already retargeted: this starts again from the original motion." : ""));
        Spinner<Integer> strength = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100,
                (int) Math.round(current.strength() * 100), 10));
        strength.setEditable(true);
        strength.setId("retargetStrength");
        ComboBox<RetargetOptions.Height> height = new ComboBox<>();
        height.getItems().setAll(RetargetOptions.Height.values());
        height.setValue(current.height());
        height.setId("retargetHeight");
        height.setConverter(new StringConverter<>() {
            @Override
            public String toString(RetargetOptions.Height h) {
                return h == null ? "" : h == RetargetOptions.Height.SOURCE
                        ? "Keep the source's height on screen" : "Keep the torso: the character's own height";
            }

            @Override
            public RetargetOptions.Height fromString(String text) {
                return height.getValue();
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Strength (%)"), strength);
        grid.addRow(1, new Label("Overall size"), height);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new RetargetOptions(strength.getValue() / 100.0, height.getValue()) : null);
        return dialog.showAndWait();
    }
}
