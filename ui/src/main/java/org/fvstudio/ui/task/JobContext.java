package org.fvstudio.ui.task;

/** What a running {@link Job} may tell and ask its runner. */
public interface JobContext {

    /** @param fraction 0..1, or a negative value when the amount of work is unknown */
    void progress(double fraction, String message);

    boolean isCancelled();

    /** A context for running a job inline (tests, the command line). */
    static JobContext silent() {
        return new JobContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
