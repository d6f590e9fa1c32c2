package org.fvstudio.inference.adapt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the folder that holds the {@code training} Python package (run as {@code python3 -m training.adapt} with
 * that folder on PYTHONPATH): {@code -Dfvstudio.training}, then the installation's assets folder
 * ({@code -Dfvstudio.assets}, where the packaged app carries it), then a {@code training/} above the working
 * directory (a source checkout).
 */
public final class TrainingCode {

    static final String MODULE_FILE = "training/adapt.py";

    private TrainingCode() {
    }

    public static Path locate() throws AdaptationException {
        List<Path> tried = new ArrayList<>();
        for (Path root : roots()) {
            tried.add(root.resolve(MODULE_FILE));
            if (Files.isRegularFile(root.resolve(MODULE_FILE))) {
                return root;
            }
        }
        throw new AdaptationException("the adaptation code (training/adapt.py) is not installed with this studio (looked for "
                + tried + ")");
    }

    static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        for (String property : new String[] {"fvstudio.training", "fvstudio.assets"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                roots.add(Path.of(value));
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            roots.add(p);
        }
        return roots;
    }
}
