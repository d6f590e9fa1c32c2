package org.fvstudio.inference.adapt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What a running adaptation reports; called on the thread that reads the trainer's output. */
public interface AdaptationListener {

    /**
     * @param fraction of the budget spent, 0..1
     * @param loss     the training loss, smoothed over the last steps
     */
    void progress(int step, double fraction, double loss, Optional<Duration> eta);

    /** A picture of the held-out reference generated from the others at this step (refs | truth | generated). */
    default void preview(int step, Path picture, double psnrDb) {
    }

    static AdaptationListener silent() {
        return (step, fraction, loss, eta) -> { };
    }
}
