package org.fvstudio.ui.extraction;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.fvstudio.inference.dwpose.VideoExtractionOptions;

/** The real file chooser and options dialog of "Extract poses from video". */
public final class FxExtractionDialogs implements ExtractionDialogs {

    /** Common containers; "All files" covers everything else FFmpeg reads. */
    private static final String[] VIDEO_PATTERNS = {"*.mp4", "*.m4v", "*.mov", "*.mkv", "*.webm", "*.avi", "*.mpg",
            "*.mpeg", "*.wmv", "*.flv", "*.ts", "*.mts", "*.gif"};

    private final Window owner;
    private File lastFolder;

    public FxExtractionDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseVideo() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Extract poses from video");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Videos", VIDEO_PATTERNS),
                new FileChooser.ExtensionFilter("All files (anything FFmpeg reads)", "*.*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showOpenDialog(owner);
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }

    @Override
    public Optional<VideoExtractionOptions> askVideoOptions(Path video) {
        VideoOptionsForm form = new VideoOptionsForm();
        Dialog<VideoExtractionOptions> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Extract poses from video");
        dialog.setHeaderText(video.getFileName() + " → target pose track");
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(form.validProperty().not());
        dialog.setResultConverter(button -> button == ButtonType.OK ? form.options().orElse(null) : null);
        return dialog.showAndWait();
    }
}
