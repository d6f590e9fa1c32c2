package org.fvstudio.inference.runtime;

/**
 * Set from any thread (e.g. the UI's Cancel button); long inference jobs (generation, pose extraction)
 * check it between units of work and stop in their own way.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A token nobody cancels. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
