package org.fvstudio.inference.dwpose;

/** Set from any thread (e.g. the UI's Cancel button); long jobs check it between units of work. */
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
