package org.fvstudio.ui.adapt;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A running adaptation: progress, loss and ETA, the latest preview (the held-out reference generated from the
 * others: references | truth | generated) and Cancel. Closing the window does not stop the adaptation.
 */
public final class AdaptationProgressWindow extends Stage {

    public AdaptationProgressWindow(Window owner, PackAdaptationRunner runner) {
        initOwner(owner);
        setTitle("Adapting pack");
        ProgressBar bar = new ProgressBar();
        bar.setId("adaptProgress");
        bar.setPrefWidth(420);
        bar.progressProperty().bind(runner.progressProperty());
        Label status = new Label();
        status.setId("adaptStatus");
        status.setWrapText(true);
        status.textProperty().bind(runner.statusProperty());
        ImageView preview = new ImageView();
        preview.setId("adaptPreview");
        preview.setPreserveRatio(true);
        preview.setFitHeight(128);
        preview.imageProperty().bind(runner.previewProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("adaptCancel");
        cancel.disableProperty().bind(runner.runningProperty().not());
        cancel.setOnAction(e -> runner.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> close());
        VBox box = new VBox(8, bar, status, new Label("Preview (held-out reference from the others)"), preview,
                new HBox(8, cancel, close));
        box.setPadding(new Insets(12));
        setScene(new Scene(box));
    }
}
