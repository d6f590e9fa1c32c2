package org.fvstudio.inference.job;

/** Set from any thread; the pipeline checks it before every denoising step. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() throws GenerationException {
        if (cancelled) {
            throw new GenerationException(GenerationError.Kind.CANCELLED, "generation cancelled");
        }
    }
}
