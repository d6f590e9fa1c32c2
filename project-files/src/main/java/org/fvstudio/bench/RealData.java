package org.fvstudio.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the real test material (motion capture, photos, OpenPose output) that benchmarks and tests run on,
 * by its path inside the material's layout, e.g. {@code bvh/cmu_01_01.bvh}. The repository carries a copy
 * with its licences in project-files/src/test/resources, so a fresh clone needs nothing beside it.
 */
public final class RealData {

    /** A folder with that layout, set by the test runner and honoured by the benches. */
    public static final String PROPERTY = "fvstudio.test.data";

    /** Real motion capture: CMU subject 01, trial 01, 120 fps. */
    public static final String CMU_CLIP = "bvh/cmu_01_01.bvh";
    /** A real waist-up photograph, 512 x 512. */
    public static final String ASTRONAUT = "images/astronaut.png";

    private static final String IN_REPOSITORY = "project-files/src/test/resources";

    private RealData() {
    }

    /** The first folder of {@link #roots()} that holds {@code relative}. */
    public static Optional<Path> find(String relative) {
        return roots().stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Where material is looked for, in order: {@value #PROPERTY}; the repository's copy, found from the assets
     * folder that the launcher names (its parent is the checkout) or from the working folder and its parents.
     */
    public static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            roots.add(Path.of(configured));
        }
        String assets = System.getProperty("fvstudio.assets");
        if (assets != null && !assets.isBlank()) {
            Path checkout = Path.of(assets).toAbsolutePath().getParent();
            if (checkout != null) {
                roots.add(checkout.resolve(IN_REPOSITORY));
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            roots.add(dir.resolve(IN_REPOSITORY));
        }
        return roots;
    }

    /** For messages: where {@code relative} was looked for. */
    public static String searched(String relative) {
        return relative + " under " + PROPERTY + " or the checkout's " + IN_REPOSITORY;
    }
}
