package org.fvstudio.ui.help;

import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.preferences.ThemeStyles;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.task.Outcome;

/** Help > About: versions, inference runtime and device, and the licences of bundled data and models. */
public final class AboutDialog {

    private final Stage stage = new Stage();
    private final Label versions = new Label("Reading versions…");
    private final TextArea licences = new TextArea();
    private final Supplier<AboutInfo> gather;
    private final BackgroundTasks tasks;
    private AboutInfo shown;

    public AboutDialog(Window owner, Supplier<AboutInfo> gather, BackgroundTasks tasks, StudioPreferences preferences) {
        this.gather = gather;
        this.tasks = tasks;
        stage.initOwner(owner);
        stage.setTitle("About FV Studio");

        versions.setId("aboutVersions");
        versions.setWrapText(true);
        Label licenceHeading = new Label("Licences of bundled data and models");
        licenceHeading.getStyleClass().add("zone-heading");
        licences.setId("aboutLicences");
        licences.setEditable(false);
        licences.setWrapText(true);
        VBox.setVgrow(licences, Priority.ALWAYS);

        Button copy = new Button("Copy versions");
        copy.setId("aboutCopy");
        copy.setOnAction(e -> {
            if (shown != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(shown.versionsText());
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        Button close = new Button("Close");
        close.setId("aboutClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());

        VBox root = new VBox(10, versions, licenceHeading, licences, new HBox(8, copy, close));
        root.setId("aboutRoot");
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 640, 520);
        scene.getStylesheets().add(AboutDialog.class.getResource("/org/fvstudio/ui/view/studio.css").toExternalForm());
        ThemeStyles.follow(scene, preferences.currentProperty());
        stage.setScene(scene);
    }

    /** Shows the window at once and fills it when the files are read. */
    public void show() {
        stage.show();
        stage.toFront();
        tasks.submit("Reading version and licence information", ctx -> gather.get(), outcome -> {
            if (outcome instanceof Outcome.Success<AboutInfo> success) {
                fill(success.value());
            } else if (outcome instanceof Outcome.Failure<AboutInfo> failure) {
                versions.setText("Cannot read the version information: " + failure.message());
            }
        });
    }

    private void fill(AboutInfo info) {
        shown = info;
        versions.setText(info.versionsText());
        StringBuilder text = new StringBuilder();
        for (LicenceText licence : info.licences()) {
            text.append("==== ").append(licence.source()).append(" ====\n").append(licence.text()).append("\n\n");
        }
        licences.setText(text.toString().strip());
        licences.positionCaret(0);
    }

    public Stage stage() {
        return stage;
    }
}
