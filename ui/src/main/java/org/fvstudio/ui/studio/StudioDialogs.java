package org.fvstudio.ui.studio;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Generate cannot run because of these references: asks which fix to apply.
     *
     * @param offered the fixes this studio can apply (Detect pose only when detection is installed)
     */
    ReferenceFix askReferenceFix(String message, Set<ReferenceFix> offered);

    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** What to do about references that Generate cannot use. */
    enum ReferenceFix {
        DETECT_POSE("Detect pose"), PLACE_SKELETON("Place skeleton"), UNTICK("Untick them"), CANCEL("Cancel");

        private final String label;

        ReferenceFix(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
