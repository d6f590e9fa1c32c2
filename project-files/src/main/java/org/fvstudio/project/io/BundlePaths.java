package org.fvstudio.project.io;

import java.io.IOException;
import java.nio.file.Path;

/** Where a bundle's files really are, links resolved: a reference picture must lie in the bundle's own references/. */
public final class BundlePaths {

    private BundlePaths() {
    }

    /**
     * True when {@code file}, links resolved, lies in {@code referencesDir} of its bundle, and that folder, links
     * resolved, is the bundle's own: a references/ that is itself a link to a folder elsewhere does not count.
     */
    public static boolean isInsideReferences(Path file, Path referencesDir) throws IOException {
        Path bundle = referencesDir.toAbsolutePath().normalize().getParent();
        Path ownReferences = bundle.toRealPath().resolve(referencesDir.getFileName().toString());
        return file.toRealPath().startsWith(ownReferences);
    }
}
