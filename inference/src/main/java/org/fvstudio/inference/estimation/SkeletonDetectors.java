package org.fvstudio.inference.estimation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.inference.dwpose.DwposeExtractor;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.dwpose.ModelsMissingException;
import org.fvstudio.inference.movenet.MoveNetExtractor;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.runtime.SessionSettings;

/** Opens the skeleton detector an {@link EstimatorChoice} asks for. */
public final class SkeletonDetectors {

    /** How the caller finds the DWPose files; the exception names what is missing where. */
    @FunctionalInterface
    public interface DwposeLocator {
        DwposeModels locate() throws ModelsMissingException;
    }

    private SkeletonDetectors() {
    }

    /**
     * @param embedded the bundled graphs of the embedded estimator, when the installation has them
     * @throws ModelsMissingException when DWPose is asked for (or AUTO finds neither) and its files are absent
     */
    public static SkeletonDetector open(EstimatorChoice choice, DwposeLocator dwpose, Optional<EmbeddedModels> embedded,
            SessionSettings settings) throws ModelLoadException {
        return switch (choice) {
            case DWPOSE -> DwposeExtractor.open(dwpose.locate(), settings);
            case EMBEDDED -> openEmbedded(requireEmbedded(embedded), settings);
            case AUTO -> {
                DwposeModels models;
                try {
                    models = dwpose.locate();
                } catch (ModelsMissingException missing) {
                    if (embedded.isPresent() && Files.isRegularFile(embedded.get().body())) {
                        yield openEmbedded(embedded.get(), settings);
                    }
                    throw missing;
                }
                yield DwposeExtractor.open(models, settings);
            }
        };
    }

    private static SkeletonDetector openEmbedded(EmbeddedModels models, SessionSettings settings) throws ModelLoadException {
        return MoveNetExtractor.open(models.body(), models.parts(), settings);
    }

    private static EmbeddedModels requireEmbedded(Optional<EmbeddedModels> embedded) throws ModelLoadException {
        if (embedded.isEmpty() || !Files.isRegularFile(embedded.get().body())) {
            Path expected = embedded.map(EmbeddedModels::body).orElse(Path.of("assets", "models").resolve(EmbeddedModels.BODY));
            throw new ModelLoadException(expected, expected + ": the embedded pose estimator's model is not "
                    + "installed (it ships in the assets folder of FV Studio)");
        }
        return embedded.get();
    }
}
