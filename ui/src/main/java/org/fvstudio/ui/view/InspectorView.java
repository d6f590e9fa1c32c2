package org.fvstudio.ui.view;

import java.util.Optional;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.ui.edit.ProjectEdits;
import org.fvstudio.ui.studio.StudioViewModel;

/**
 * The inspector: the project's properties and the selected reference's. Every change is an edit;
 * a spinner held down is one gesture and so one undo step.
 */
public final class InspectorView extends ScrollPane {

    private final StudioViewModel viewModel;
    private final TextField projectName = new TextField();
    private final Spinner<Double> fps = new Spinner<>(1.0, 240.0, 24.0, 1.0);
    private final Spinner<Integer> frameCount = new Spinner<>(1, 100_000, 48);
    private final Spinner<Integer> canvasWidth = new Spinner<>(16, 8192, 512, 8);
    private final Spinner<Integer> canvasHeight = new Spinner<>(16, 8192, 512, 8);
    private final TextField referenceName = new TextField();
    private final ChoiceBox<ShotScale> referenceScale = new ChoiceBox<>();
    private final CheckBox referenceEnabled = new CheckBox("Used for generation");
    private final TextArea referenceNote = new TextArea();
    private final Label referenceImage = new Label();
    private final Label referencePose = new Label();
    private final VBox referenceBox = new VBox(6);
    private final Label noReference = new Label("No reference selected.");
    private final VBox content = new VBox(10);
    private boolean updating;

    public InspectorView(StudioViewModel viewModel) {
        this.viewModel = viewModel;
        setId("inspector");
        setFitToWidth(true);
        setPrefWidth(260);

        projectName.setId("projectNameField");
        fps.setId("fpsSpinner");
        frameCount.setId("frameCountSpinner");
        canvasWidth.setId("canvasWidthSpinner");
        canvasHeight.setId("canvasHeightSpinner");
        referenceName.setId("referenceNameField");
        referenceScale.setId("referenceScaleChoice");
        referenceEnabled.setId("referenceEnabledCheck");
        referenceNote.setId("referenceNoteArea");
        referenceNote.setPrefRowCount(3);
        referenceNote.setWrapText(true);
        referenceScale.getItems().setAll(ShotScale.values());
        referenceScale.setConverter(new StringConverter<>() {
            @Override
            public String toString(ShotScale scale) {
                return scale == null ? "" : scale.label();
            }

            @Override
            public ShotScale fromString(String text) {
                return null;
            }
        });
        for (Spinner<?> spinner : new Spinner<?>[] {fps, frameCount, canvasWidth, canvasHeight}) {
            spinner.setEditable(true);
            spinner.setPrefWidth(110);
            spinner.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> viewModel.document().history().beginGesture());
            spinner.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> viewModel.document().history().endGesture());
        }

        GridPane projectGrid = grid();
        projectGrid.addRow(0, new Label("Name"), projectName);
        projectGrid.addRow(1, new Label("Frame rate"), fps);
        projectGrid.addRow(2, new Label("Frames"), frameCount);
        projectGrid.addRow(3, new Label("Canvas width"), canvasWidth);
        projectGrid.addRow(4, new Label("Canvas height"), canvasHeight);

        GridPane referenceGrid = grid();
        referenceGrid.addRow(0, new Label("Name"), referenceName);
        referenceGrid.addRow(1, new Label("Shot scale"), referenceScale);
        referenceGrid.addRow(2, new Label("Image"), referenceImage);
        referenceGrid.addRow(3, new Label("Skeleton"), referencePose);
        referencePose.setWrapText(true);
        referenceBox.getChildren().setAll(referenceGrid, referenceEnabled, new Label("Note"), referenceNote);
        noReference.getStyleClass().add("empty-zone");

        content.getChildren().setAll(heading("Project"), projectGrid, heading("Selected reference"), noReference, referenceBox);
        content.setPadding(new Insets(8));
        setContent(content);

        commitOnEnterOrFocusLoss(projectName, viewModel::renameProject);
        fps.valueProperty().addListener((obs, old, v) -> editIfUser(() -> viewModel.edit(ProjectEdits.setFps(viewModel.project(), v))));
        frameCount.valueProperty().addListener((obs, old, v) -> editIfUser(() -> viewModel.edit(ProjectEdits.setFrameCount(viewModel.project(), v))));
        canvasWidth.valueProperty().addListener((obs, old, v) -> editIfUser(() -> viewModel.edit(ProjectEdits.setCanvasWidth(viewModel.project(), v))));
        canvasHeight.valueProperty().addListener((obs, old, v) -> editIfUser(() -> viewModel.edit(ProjectEdits.setCanvasHeight(viewModel.project(), v))));
        commitOnEnterOrFocusLoss(referenceName, name -> selected().ifPresent(r -> viewModel.renameReference(r.id(), name)));
        commitOnEnterOrFocusLoss(referenceNote, note -> selected().ifPresent(r -> viewModel.setReferenceNote(r.id(), note)));
        referenceScale.valueProperty().addListener((obs, old, scale) -> editIfUser(
                () -> selected().ifPresent(r -> viewModel.setReferenceScale(r.id(), scale))));
        referenceEnabled.selectedProperty().addListener((obs, old, on) -> editIfUser(
                () -> selected().ifPresent(r -> viewModel.setReferenceEnabled(r.id(), on))));

        viewModel.document().projectProperty().addListener((obs, old, project) -> show(project));
        viewModel.selectedReferenceProperty().addListener((obs, old, ref) -> show(viewModel.project()));
        show(viewModel.project());
    }

    /** Appends a titled section (the skeleton editor's joint, the camera) below the built-in ones. */
    public void addSection(String title, javafx.scene.Node section) {
        content.getChildren().addAll(heading(title), section);
    }

    private Optional<ReferenceShot> selected() {
        return viewModel.selectedReferenceProperty().get();
    }

    private void show(Project project) {
        updating = true;
        try {
            setIfDifferent(projectName, project.name());
            fps.getValueFactory().setValue(project.fps());
            frameCount.getValueFactory().setValue(project.frameCount());
            canvasWidth.getValueFactory().setValue(project.canvasWidth());
            canvasHeight.getValueFactory().setValue(project.canvasHeight());
            Optional<ReferenceShot> reference = selected();
            referenceBox.setVisible(reference.isPresent());
            referenceBox.setManaged(reference.isPresent());
            noReference.setVisible(reference.isEmpty());
            noReference.setManaged(reference.isEmpty());
            reference.ifPresent(r -> {
                setIfDifferent(referenceName, r.name());
                referenceScale.setValue(r.scale());
                referenceEnabled.setSelected(r.enabled());
                setIfDifferent(referenceNote, r.note());
                referenceImage.setText(r.imageFile() + " (" + r.pose().canvasWidth() + "×" + r.pose().canvasHeight() + ")");
                referencePose.setText(r.pose().isEmpty() ? "none yet: Pose ▸ Detect pose or Add person"
                        : r.pose().people().size() + " person(s)");
            });
        } finally {
            updating = false;
        }
    }

    private void editIfUser(Runnable edit) {
        if (!updating) {
            edit.run();
            // A rejected value (e.g. an impossible fps) snaps the control back to the project.
            javafx.application.Platform.runLater(() -> show(viewModel.project()));
        }
    }

    private void commitOnEnterOrFocusLoss(TextInputControl field, Consumer<String> commit) {
        Runnable apply = () -> {
            if (!updating) {
                commit.accept(field.getText());
                show(viewModel.project());
            }
        };
        if (field instanceof TextField textField) {
            textField.setOnAction(e -> apply.run());
        }
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                show(viewModel.project());
            }
        });
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
    }

    private static void setIfDifferent(TextInputControl field, String text) {
        if (!field.getText().equals(text)) {
            field.setText(text);
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("zone-heading");
        return label;
    }

}
