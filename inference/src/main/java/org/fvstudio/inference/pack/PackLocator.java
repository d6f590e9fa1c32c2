package org.fvstudio.inference.pack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a pack folder from a project's pack id or an absolute folder path: an absolute folder is used as is;
 * an id is looked up in {@code -Dfvstudio.packs.dir}, {@code $FVSTUDIO_PACKS}, {@code ~/.fvstudio/packs}, the
 * installation's {@code <fvstudio.assets>/packs} (set by both launchers), and last an {@code assets/packs}
 * above the working directory (a source checkout). A relative id is never read as a folder of the working
 * directory: "fvs-tiny" in a project means the pack, wherever the command runs.
 */
public final class PackLocator {

    private PackLocator() {
    }

    public static Path resolve(String idOrPath) throws PackException {
        Path direct = Path.of(idOrPath);
        if (direct.isAbsolute() && Files.isDirectory(direct)) {
            return direct;
        }
        List<Path> tried = new ArrayList<>();
        for (Path root : roots()) {
            Path candidate = root.resolve(idOrPath);
            tried.add(candidate);
            if (Files.isRegularFile(candidate.resolve(ManifestReader.FILE_NAME))) {
                return candidate;
            }
        }
        throw new PackException(direct, "model pack '" + idOrPath + "' not found (looked in " + tried + ")");
    }

    static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        String prop = System.getProperty("fvstudio.packs.dir");
        if (prop != null) {
            roots.add(Path.of(prop));
        }
        String env = System.getenv("FVSTUDIO_PACKS");
        if (env != null) {
            roots.add(Path.of(env));
        }
        roots.add(Path.of(System.getProperty("user.home"), ".fvstudio", "packs"));
        String assets = System.getProperty("fvstudio.assets");
        if (assets != null && !assets.isBlank()) {
            roots.add(Path.of(assets).resolve("packs"));
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            roots.add(p.resolve("assets").resolve("packs"));
        }
        return roots;
    }
}
