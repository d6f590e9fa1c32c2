package org.fvstudio.ui.generation;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/** Status-bar part of generation: frame i/n, step j/m and ETA, a bar, and Cancel; hidden when idle. */
public final class GenerationStatusView extends HBox {

    public GenerationStatusView(GenerationService service) {
        setId("generationStatus");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("generationProgressLabel");
        text.textProperty().bind(service.progressTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("generationProgressBar");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(service.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("statusCancelGeneration");
        cancel.setOnAction(e -> service.cancelRunning());
        getChildren().setAll(text, bar, cancel);
        visibleProperty().bind(service.runningProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
