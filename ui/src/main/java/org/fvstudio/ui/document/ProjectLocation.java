package org.fvstudio.ui.document;

import java.nio.file.Path;

/**
 * Where a document lives: a saved bundle chosen by the user, or a scratch bundle under
 * {@code <fvstudio.home>/untitled/} that Save turns into Save As.
 */
public record ProjectLocation(Path folder, boolean untitled) {

    public static ProjectLocation saved(Path folder) {
        return new ProjectLocation(folder.toAbsolutePath().normalize(), false);
    }

    public static ProjectLocation scratch(Path folder) {
        return new ProjectLocation(folder.toAbsolutePath().normalize(), true);
    }
}
