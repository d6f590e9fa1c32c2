package org.fvstudio.inference.scheduler;

/**
 * Everything a pack says about its diffusion schedule.
 *
 * @param trainTimesteps     number of training timesteps T (usually 1000)
 * @param stepsOffset        added to leading-spaced timesteps (diffusers' {@code steps_offset})
 * @param rescaleZeroSnr     rescale the betas so that the last timestep has zero signal-to-noise ratio
 * @param setAlphaToOne      the step after the last uses alpha_bar = 1 (otherwise alpha_bar[0])
 * @param clipSample         clamp the x0 estimate to [-1, 1] (and recompute eps from it) in every step
 */
public record SchedulerConfig(int trainTimesteps, double betaStart, double betaEnd, BetaSchedule betaSchedule,
                              PredictionType predictionType, TimestepSpacing spacing, int stepsOffset,
                              boolean rescaleZeroSnr, boolean setAlphaToOne, boolean clipSample) {

    public SchedulerConfig {
        if (trainTimesteps < 2) {
            throw new IllegalArgumentException("train timesteps must be >= 2, got " + trainTimesteps);
        }
        if (!(betaStart > 0) || !(betaEnd >= betaStart) || betaEnd >= 1) {
            throw new IllegalArgumentException("betas must satisfy 0 < start <= end < 1, got " + betaStart + ".." + betaEnd);
        }
        if (betaSchedule == null || predictionType == null || spacing == null) {
            throw new IllegalArgumentException("beta schedule, prediction type and spacing are required");
        }
        if (stepsOffset < 0) {
            throw new IllegalArgumentException("steps offset must be >= 0, got " + stepsOffset);
        }
    }

    /** Stable Diffusion 1.5's schedule, the common ancestor of the AnimateAnyone family. */
    public static SchedulerConfig stableDiffusion(PredictionType prediction, TimestepSpacing spacing, boolean zeroSnr) {
        return new SchedulerConfig(1000, 0.00085, 0.012, BetaSchedule.SCALED_LINEAR, prediction, spacing,
                spacing == TimestepSpacing.LEADING ? 1 : 0, zeroSnr, true, false);
    }
}
