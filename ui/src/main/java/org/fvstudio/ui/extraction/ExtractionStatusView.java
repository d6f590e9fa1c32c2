package org.fvstudio.ui.extraction;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Status-bar item: the device DWPose really ran on, and Cancel while an extraction runs. */
public final class ExtractionStatusView extends HBox {

    public ExtractionStatusView(PoseExtraction extraction) {
        super(6);
        setId("extractionStatus");
        setAlignment(Pos.CENTER_LEFT);
        Label device = new Label();
        device.setId("extractionDevice");
        device.textProperty().bind(extraction.deviceUsedProperty());
        device.visibleProperty().bind(device.textProperty().isNotEmpty());
        device.managedProperty().bind(device.visibleProperty());
        device.setTooltip(new Tooltip("Which pose estimator the last detection or extraction used, and on which devices"));

        Button cancel = new Button("Cancel", FontIcon.of(MaterialDesignC.CLOSE_CIRCLE_OUTLINE, 16));
        cancel.setId("extractionCancel");
        cancel.setTooltip(new Tooltip("Stop the pose extraction; the project stays as it was"));
        cancel.setOnAction(e -> extraction.cancel());
        cancel.visibleProperty().bind(extraction.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        getChildren().addAll(cancel, device);
    }
}
