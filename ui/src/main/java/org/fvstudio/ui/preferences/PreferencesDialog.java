package org.fvstudio.ui.preferences;

import java.io.File;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Edit > Preferences: a window over the studio. OK and Apply save only when every field is valid;
 * otherwise the refused fields and their reasons are listed and the window stays open.
 */
public final class PreferencesDialog {

    private final PreferencesViewModel model;
    private final Stage stage = new Stage();

    public PreferencesDialog(Window owner, PreferencesViewModel model, StudioPreferences preferences) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Preferences");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), growing());

        TextArea folders = new TextArea();
        folders.setId("prefModelFolders");
        folders.setPrefRowCount(3);
        folders.setPromptText("One folder per line");
        folders.textProperty().bindBidirectional(model.modelFoldersProperty());
        Button addFolder = new Button("Add folder…");
        addFolder.setId("prefAddFolder");
        addFolder.setOnAction(e -> chooseFolder());
        row(form, 0, Preferences.FIELD_MODEL_FOLDERS, new VBox(4, folders, addFolder),
                "DWPose looks for yolox_l.onnx and dw-ll_ucoco_384.onnx in these folders, in order; without them "
                        + "the embedded estimator runs.");

        ComboBox<DefaultDevice> device = new ComboBox<>();
        device.setId("prefDevice");
        device.getItems().setAll(DefaultDevice.values());
        device.valueProperty().bindBidirectional(model.deviceProperty());
        row(form, 1, Preferences.FIELD_DEVICE, device, null);

        TextField threads = numberField("prefThreads");
        threads.textProperty().bindBidirectional(model.threadsProperty());
        row(form, 2, Preferences.FIELD_THREADS, threads,
                "0 = automatic, or 1 to " + model.processors() + " (processors on this machine).");

        TextField autosave = numberField("prefAutosave");
        autosave.textProperty().bindBidirectional(model.autosaveMinutesProperty());
        row(form, 3, Preferences.FIELD_AUTOSAVE + " (minutes)", autosave,
                PreferenceRules.MIN_AUTOSAVE_MINUTES + " to " + PreferenceRules.MAX_AUTOSAVE_MINUTES + " minutes.");

        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("prefTheme");
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(model.themeProperty());
        row(form, 4, Preferences.FIELD_THEME, theme, null);

        TextField cache = numberField("prefCacheLimit");
        cache.textProperty().bindBidirectional(model.cacheLimitMbProperty());
        row(form, 5, Preferences.FIELD_CACHE + " (MB)", cache,
                "At least " + PreferenceRules.MIN_CACHE_LIMIT_MB + " MB.");

        ComboBox<PoseEstimator> estimator = new ComboBox<>();
        estimator.setId("prefEstimator");
        estimator.getItems().setAll(PoseEstimator.values());
        estimator.valueProperty().bindBidirectional(model.estimatorProperty());
        row(form, 6, Preferences.FIELD_ESTIMATOR, estimator,
                "Used by Pose ▸ Detect pose and File ▸ Extract poses from video.");

        Label message = new Label();
        message.setId("prefMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.problems().addListener((javafx.collections.ListChangeListener<PreferenceProblem>) c ->
                message.getStyleClass().setAll(model.problems().isEmpty() ? "label" : "preference-problem"));
        message.getStyleClass().setAll("label");

        Button defaults = new Button("Restore defaults");
        defaults.setId("prefDefaults");
        defaults.setOnAction(e -> model.restoreDefaults());
        Button apply = new Button("Apply");
        apply.setId("prefApply");
        apply.setOnAction(e -> model.apply());
        Button ok = new Button("OK");
        ok.setId("prefOk");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> {
            if (model.apply()) {
                stage.close();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("prefCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, defaults, gap, apply, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(12, form, message, buttons);
        root.setId("preferencesRoot");
        root.setPadding(new Insets(14));
        root.setPrefWidth(560);
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        ThemeStyles.follow(scene, preferences.currentProperty());
        stage.setScene(scene);
    }

    /** Shows the window with the preferences in force (it does not wait for it to close). */
    public void show() {
        model.reset();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a model folder");
        File chosen = chooser.showDialog(stage);
        if (chosen != null) {
            model.addModelFolder(chosen.toPath());
        }
    }

    private static TextField numberField(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.setMaxWidth(140);
        return field;
    }

    private static void row(GridPane form, int index, String label, Node field, String hint) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(name, javafx.geometry.VPos.TOP);
        VBox cell = new VBox(2, field);
        if (hint != null) {
            Label help = new Label(hint);
            help.getStyleClass().add("empty-zone");
            help.setWrapText(true);
            cell.getChildren().add(help);
        }
        form.add(name, 0, index);
        form.add(cell, 1, index);
    }

    private static ColumnConstraints growing() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
