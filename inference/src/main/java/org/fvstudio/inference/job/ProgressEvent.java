package org.fvstudio.inference.job;

import java.time.Duration;
import java.util.Optional;

/**
 * Progress of a job: the project frame being generated, its position {@code frameIndex} of
 * {@code frameCount}, the denoising step done ({@code step} of {@code steps}), the overall fraction and,
 * once one step has been timed, an ETA.
 */
public record ProgressEvent(int frame, int frameIndex, int frameCount, int step, int steps, double fraction,
                            Duration elapsed, Optional<Duration> eta) {

    public String describe() {
        return "frame " + (frameIndex + 1) + "/" + frameCount + ", step " + step + "/" + steps
                + eta.map(d -> ", ETA " + d.toSeconds() + " s").orElse("");
    }
}
