package org.fvstudio.ui.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;

/** The status bar: the last action or problem, and the progress of background jobs. */
public final class StatusBarView extends HBox {

    public StatusBarView(StudioViewModel viewModel) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setPadding(new Insets(3, 8, 3, 8));
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(viewModel.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        BackgroundTasks tasks = viewModel.tasks();
        Label job = new Label();
        job.textProperty().bind(tasks.messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(tasks.progressProperty());
        progress.visibleProperty().bind(Bindings.greaterThan(tasks.runningProperty(), 0));
        job.visibleProperty().bind(progress.visibleProperty());

        Label history = new Label();
        history.setId("savedStateLabel");
        history.setMinWidth(Region.USE_PREF_SIZE);
        history.textProperty().bind(viewModel.savedStateProperty());
        getChildren().setAll(status, job, progress, history);
    }

    /** Adds a feature's own status item (e.g. the device pose extraction ran on) before the saved-state label. */
    public void addSection(Node section) {
        getChildren().add(getChildren().size() - 1, section);
    }
}
