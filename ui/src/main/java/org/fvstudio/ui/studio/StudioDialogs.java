package org.fvstudio.ui.studio;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the view-model asks the user. The window answers with native choosers and alerts;
 * tests answer with scripted values.
 */
public interface StudioDialogs {

    Optional<Path> chooseProjectToOpen();

    /** A folder path for a new bundle; the view-model adds the {@code .fvs} suffix when missing. */
    Optional<Path> chooseSaveLocation(String suggestedName);

    List<Path> chooseReferenceImages();

    List<Path> choosePoseFiles();

    Optional<Path> choosePoseFolder();

    UnsavedChoice askUnsavedChanges(String projectName);

    /** @return true to recover the autosaved state */
    boolean askRecoverAutosave(Path project, Instant autosaved);

    void showProblem(String title, String message);

    enum UnsavedChoice { SAVE, DISCARD, CANCEL }
}
