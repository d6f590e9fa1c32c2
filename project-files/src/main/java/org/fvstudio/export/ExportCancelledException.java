package org.fvstudio.export;

import java.nio.file.Path;

/** The user cancelled; nothing was left at the target path. */
public final class ExportCancelledException extends ExportException {

    private final int framesDone;

    public ExportCancelledException(Path path, int framesDone) {
        super(path, "Export to " + path + " cancelled after " + framesDone + " frames; no file was written");
        this.framesDone = framesDone;
    }

    public int framesDone() {
        return framesDone;
    }
}
