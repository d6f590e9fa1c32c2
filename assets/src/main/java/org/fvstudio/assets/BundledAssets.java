package org.fvstudio.assets;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the folder that holds the bundled model packs and the sample project.
 * <p>
 * Order: the system property {@code fvstudio.assets}; else {@code assets/} in the working
 * directory; else {@code assets/} beside the jar (or one or two levels up, which covers
 * {@code app/target/lib/} in a source checkout and {@code lib/app/} in an app image).
 */
public final class BundledAssets {

    public static final String PROPERTY = "fvstudio.assets";
    public static final String SAMPLE_PROJECT = "sample/Sample.fvs";
    /** The embedded pose estimator's graphs (converted by tools/tfjs2onnx), one folder per family. */
    public static final String MODELS = "models";

    private final Path root;

    private BundledAssets(Path root) {
        this.root = root;
    }

    /** The assets folder found by the search order above, or empty when none exists. */
    public static Optional<BundledAssets> locate() {
        for (Path candidate : candidates()) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(new BundledAssets(candidate.toAbsolutePath().normalize()));
            }
        }
        return Optional.empty();
    }

    /** Assets rooted at an explicit folder (tests, the packaged app). */
    public static BundledAssets at(Path root) {
        return new BundledAssets(root.toAbsolutePath().normalize());
    }

    static List<Path> candidates() {
        List<Path> result = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            // An explicit setting wins even when wrong, so that a typo is not masked by a fallback.
            result.add(Path.of(property));
            return result;
        }
        result.add(Path.of("assets"));
        codeLocation().ifPresent(jarDir -> {
            Path dir = jarDir;
            for (int up = 0; up < 4 && dir != null; up++) {
                result.add(dir.resolve("assets"));
                dir = dir.getParent();
            }
        });
        return result;
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = BundledAssets.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    public Path packsFolder() {
        return root.resolve("packs");
    }

    /** The bundled pack folder with this id, when it is present. */
    public Optional<Path> pack(String packId) {
        Path folder = packsFolder().resolve(packId);
        return Files.isRegularFile(folder.resolve("pack.json")) ? Optional.of(folder) : Optional.empty();
    }

    /** The bundled sample project bundle, when it is present. */
    public Optional<Path> sampleProject() {
        Path sample = root.resolve(SAMPLE_PROJECT);
        return Files.isRegularFile(sample.resolve("project.json")) ? Optional.of(sample) : Optional.empty();
    }

    /** The folder of the embedded pose estimator's graphs, when this installation has it. */
    public Optional<Path> modelsFolder() {
        Path models = root.resolve(MODELS);
        return Files.isDirectory(models) ? Optional.of(models) : Optional.empty();
    }
}
