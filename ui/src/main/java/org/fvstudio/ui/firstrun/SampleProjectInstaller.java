package org.fvstudio.ui.firstrun;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.project.io.FolderCopy;
import org.fvstudio.ui.settings.StudioHome;

/**
 * Gives the user their own copy of the bundled sample project, so that opening and saving it never
 * touches the bundled original: {@code assets/sample/Sample.fvs} is copied once to
 * {@code <fvstudio.home>/projects/Sample.fvs}; an existing copy (possibly edited) is kept as it is.
 */
public final class SampleProjectInstaller {

    public static final String PROJECTS_FOLDER = "projects";
    public static final String SAMPLE_NAME = "Sample.fvs";

    private final Optional<BundledAssets> assets;
    private final Path copy;

    public SampleProjectInstaller(StudioHome home, Optional<BundledAssets> assets) {
        this.assets = assets;
        this.copy = home.root().resolve(PROJECTS_FOLDER).resolve(SAMPLE_NAME);
    }

    /** Where the user's copy lives. */
    public Path copyLocation() {
        return copy;
    }

    /** The bundled original, when the assets hold one. */
    public Optional<Path> bundledSample() {
        return assets.flatMap(BundledAssets::sampleProject);
    }

    /**
     * The user's copy of the sample, copied from the bundle first when there is none yet.
     *
     * @throws SampleUnavailableException when no copy exists and the bundle holds no sample project
     * @throws IOException                when copying fails (nothing half-copied is left behind)
     */
    public Path install() throws SampleUnavailableException, IOException {
        if (Files.isRegularFile(copy.resolve("project.json"))) {
            return copy;
        }
        Path original = bundledSample().orElseThrow(() -> new SampleUnavailableException(missingReason()));
        Files.createDirectories(copy.getParent());
        Path staging = Files.createTempDirectory(copy.getParent(), ".Sample-copy-");
        try {
            FolderCopy.copy(original, staging);
            if (Files.exists(copy)) {
                // A folder without project.json is a failed earlier copy, not user work.
                deleteTree(copy);
            }
            try {
                Files.move(staging, copy, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, copy);
            }
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
        return copy;
    }

    private String missingReason() {
        if (assets.isEmpty()) {
            return "no bundled assets folder was found (set -D" + BundledAssets.PROPERTY + " to the assets folder)";
        }
        return "the bundled assets at " + assets.get().root() + " hold no sample project ("
                + BundledAssets.SAMPLE_PROJECT + " with a project.json)";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The bundle ships no sample project and the user has no copy. */
    public static final class SampleUnavailableException extends Exception {
        public SampleUnavailableException(String message) {
            super(message);
        }
    }
}
