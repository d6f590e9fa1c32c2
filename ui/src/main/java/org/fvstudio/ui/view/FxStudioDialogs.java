package org.fvstudio.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.fvstudio.ui.studio.StudioDialogs;

/** The real dialogs: native file choosers and alerts owned by the studio window. */
public final class FxStudioDialogs implements StudioDialogs {

    private final Window owner;
    private File lastFolder;

    public FxStudioDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open project (a NAME.fvs folder)");
        start(chooser);
        return remember(chooser.showDialog(owner));
    }

    @Override
    public Optional<Path> chooseSaveLocation(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save project as");
        chooser.setInitialFileName(suggestedName + ".fvs");
        if (lastFolder != null) {
            chooser.setInitialDirectory(lastFolder);
        }
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public List<Path> chooseReferenceImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import reference images");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG or JPEG images", "*.png", "*.jpg", "*.jpeg"));
        if (lastFolder != null) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public List<Path> choosePoseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import pose sequence (OpenPose, MoveNet or MediaPipe JSON, one file per frame)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pose JSON (OpenPose, MoveNet, MediaPipe)", "*.json"));
        if (lastFolder != null) {
            chooser.setInitialDirectory(lastFolder);
        }
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).sorted().toList();
    }

    @Override
    public Optional<Path> choosePoseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Import pose sequence from a folder of pose JSON files (OpenPose, MoveNet, MediaPipe)");
        start(chooser);
        return remember(chooser.showDialog(owner));
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String projectName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, cancel);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to \"" + projectName + "\"?");
        alert.setContentText("Your changes are lost if you discard them.");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean askRecoverAutosave(Path project, Instant autosaved) {
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(autosaved);
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType open = new ButtonType("Open saved version", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", recover, open);
        alert.initOwner(owner);
        alert.setTitle("Recover unsaved changes");
        alert.setHeaderText(project.getFileName() + " has an autosave from " + time + " that is newer than the saved project.");
        alert.setContentText("Recover it? The saved project stays as it is until you save.");
        return alert.showAndWait().orElse(open) == recover;
    }

    @Override
    public void showProblem(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.show();
    }

    @Override
    public ReferenceFix askReferenceFix(String message, Set<ReferenceFix> offered) {
        Map<ButtonType, ReferenceFix> buttons = new LinkedHashMap<>();
        for (ReferenceFix fix : ReferenceFix.values()) {
            if (fix == ReferenceFix.CANCEL || offered.contains(fix)) {
                buttons.put(new ButtonType(fix.label(), fix == ReferenceFix.CANCEL
                        ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER), fix);
            }
        }
        Alert alert = new Alert(Alert.AlertType.WARNING, "", buttons.keySet().toArray(ButtonType[]::new));
        alert.initOwner(owner);
        alert.setTitle("Cannot generate yet");
        alert.setHeaderText("Generate needs a skeleton on every reference it uses");
        alert.setContentText(message);
        return alert.showAndWait().map(buttons::get).orElse(ReferenceFix.CANCEL);
    }

    private void start(DirectoryChooser chooser) {
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
