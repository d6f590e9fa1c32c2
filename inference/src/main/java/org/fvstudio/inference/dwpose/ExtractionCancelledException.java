package org.fvstudio.inference.dwpose;

import org.fvstudio.inference.runtime.CancellationToken;

/** The extraction was cancelled through its {@link CancellationToken}; nothing partial is returned. */
public class ExtractionCancelledException extends Exception {

    private final int framesDone;

    public ExtractionCancelledException(int framesDone) {
        super("pose extraction cancelled after " + framesDone + " frames");
        this.framesDone = framesDone;
    }

    public int framesDone() {
        return framesDone;
    }
}
