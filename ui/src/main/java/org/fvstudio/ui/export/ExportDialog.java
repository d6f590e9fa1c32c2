package org.fvstudio.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.fvstudio.export.VideoQuality;

/** Asks what to export and where; the export itself runs in the background through {@link ExportController}. */
public final class ExportDialog extends Dialog<ExportRequest> {

    private final ChoiceBox<ExportKind> kind = new ChoiceBox<>();
    private final TextField target = new TextField();
    private final ChoiceBox<VideoQuality> quality = new ChoiceBox<>();
    private final Spinner<Integer> height = new Spinner<>(16, 4096, 512, 16);
    private final Slider opacity = new Slider(0, 1, 0.6);
    private final CheckBox shared = new CheckBox("Shared heatmap scale");
    private final Label problem = new Label();

    public ExportDialog(Window owner, Path suggestedFolder, String projectName, int canvasHeight) {
        initOwner(owner);
        setTitle("Export");
        setHeaderText("Export " + projectName);
        kind.setId("exportKind");
        kind.getItems().setAll(ExportKind.values());
        kind.setValue(ExportKind.SIDE_BY_SIDE);
        target.setId("exportTarget");
        target.setPrefColumnCount(30);
        quality.setId("exportQuality");
        quality.getItems().setAll(VideoQuality.values());
        quality.setValue(VideoQuality.STANDARD);
        height.setId("exportHeight");
        height.setEditable(true);
        height.getValueFactory().setValue(Math.min(512, canvasHeight));
        opacity.setId("exportOpacity");
        shared.setId("exportSharedScale");
        shared.setSelected(true);
        problem.setId("exportProblem");
        problem.setStyle("-fx-text-fill: #c62828;");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        kind.valueProperty().addListener((obs, old, now) -> target.setText(suggest(suggestedFolder, projectName, now)));
        target.setText(suggest(suggestedFolder, projectName, kind.getValue()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("What"), kind);
        grid.addRow(1, new Label("To"), new HBox(4, target, browse));
        grid.addRow(2, new Label("Quality"), quality);
        grid.addRow(3, new Label("Review height"), height);
        grid.addRow(4, new Label("Heatmap opacity"), opacity);
        grid.add(shared, 1, 5);
        grid.add(problem, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (request().isEmpty()) {
                e.consume(); // keep the dialog open with the message
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? request().orElse(null) : null);
    }

    /** The request as filled in, or empty with the reason shown in the dialog. */
    public Optional<ExportRequest> request() {
        String text = target.getText() == null ? "" : target.getText().strip();
        if (text.isEmpty()) {
            problem.setText("Choose where to write the export.");
            return Optional.empty();
        }
        try {
            problem.setText("");
            return Optional.of(new ExportRequest(kind.getValue(), Path.of(text), quality.getValue(), height.getValue(),
                    opacity.getValue(), shared.isSelected()));
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private void browse() {
        ExportKind chosen = kind.getValue();
        File current = new File(target.getText());
        File picked;
        if (chosen.writesFolder()) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export into folder");
            picked = chooser.showDialog(getOwner());
        } else {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export video");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MP4 video", "*.mp4"));
            if (current.getParentFile() != null && current.getParentFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParentFile());
            }
            chooser.setInitialFileName(current.getName());
            picked = chooser.showSaveDialog(getOwner());
        }
        if (picked != null) {
            target.setText(picked.getAbsolutePath());
        }
    }

    static String suggest(Path folder, String projectName, ExportKind kind) {
        String stem = projectName.replaceAll("[^A-Za-z0-9._-]+", "_");
        String name = switch (kind) {
            case MP4 -> stem + ".mp4";
            case PNG_SEQUENCE -> stem + "_frames";
            case SIDE_BY_SIDE -> stem + "_review.mp4";
            case HEATMAPS -> stem + "_heatmaps.mp4";
            case OPENPOSE_JSON -> stem + "_openpose";
        };
        return folder.resolve(name).toString();
    }
}
