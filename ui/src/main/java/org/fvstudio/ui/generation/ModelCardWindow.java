package org.fvstudio.ui.generation;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The model card of the chosen pack, as its authors wrote it (MODEL_CARD.md), in a window of its own. */
final class ModelCardWindow {

    private final Stage stage = new Stage();
    private final Label file = new Label();
    private final TextArea text = new TextArea();

    ModelCardWindow(Window owner) {
        stage.initOwner(owner);
        text.setId("modelCardText");
        text.setEditable(false);
        text.setWrapText(true);
        VBox.setVgrow(text, Priority.ALWAYS);
        file.setId("modelCardFile");
        Button close = new Button("Close");
        close.setId("modelCardClose");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(8, file, text, buttons);
        root.setId("modelCardRoot");
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 720, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    void show(PackSummary pack, String card) {
        stage.setTitle("Model card: " + pack.name());
        file.setText(pack.modelCard().map(Object::toString).orElse(""));
        text.setText(card);
        text.positionCaret(0);
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }
}
