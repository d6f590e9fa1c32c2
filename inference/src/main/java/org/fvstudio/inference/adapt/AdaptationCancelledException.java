package org.fvstudio.inference.adapt;

import java.nio.file.Path;

/** The adaptation was cancelled: no pack was written; the last checkpoint stays in {@link #workFolder()}. */
public final class AdaptationCancelledException extends Exception {

    private final transient Path workFolder;

    public AdaptationCancelledException(Path workFolder) {
        super("adaptation cancelled; its last checkpoint is kept in " + workFolder + " (adapting again continues from it)");
        this.workFolder = workFolder;
    }

    public Path workFolder() {
        return workFolder;
    }
}
