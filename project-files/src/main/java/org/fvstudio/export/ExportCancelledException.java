package org.fvstudio.export;

import java.nio.file.Path;

/** The user cancelled; the target path is as it was before the export. */
public final class ExportCancelledException extends ExportException {

    private final int framesDone;

    public ExportCancelledException(Path path, int framesDone) {
        super(path, "Export to " + path + " cancelled after " + framesDone + " frames; nothing was written there");
        this.framesDone = framesDone;
    }

    public int framesDone() {
        return framesDone;
    }
}
