package org.fvstudio.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.fvstudio.project.Project;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.studio.MotionImport;

/** A copy of a project with a BVH clip imported as its target, as File ▸ Import motion does (front view, camera reset). */
public final class MotionProjects {

    private MotionProjects() {
    }

    /** Copies {@code source} to {@code target} (an empty or missing folder) and imports {@code bvh} into the copy. */
    public static Project create(Path source, Path bvh, Path target) throws Exception {
        copyTree(source, target);
        BundleProjectStorage storage = new BundleProjectStorage();
        Project before = storage.load(target);
        MotionImport.Imported clip = MotionImport.build(bvh, MotionImport.Orbit.FRONT, before);
        Project after = MotionImport.imported(before, clip, bvh, true).withName(before.name() + " + " + bvh.getFileName());
        storage.save(target, after);
        return after;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}
