package org.fvstudio.inference.scheduler;

/**
 * Deterministic DDIM (eta = 0): x_prev = sqrt(a_prev) x0 + sqrt(1 - a_prev) eps, where the previous
 * timestep is the next one in the inference list and after the last comes alpha_bar = 1 (or alpha_bar[0]).
 */
public final class DdimScheduler implements Scheduler {

    private final SchedulerConfig config;
    private final NoiseSchedule schedule;

    public DdimScheduler(SchedulerConfig config) {
        this.config = config;
        this.schedule = NoiseSchedule.of(config);
    }

    @Override
    public String name() {
        return "ddim";
    }

    @Override
    public SchedulerConfig config() {
        return config;
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    @Override
    public SchedulerRun start(int steps) {
        int[] timesteps = Timesteps.of(config, steps);
        return new SchedulerRun() {
            @Override
            public int[] timesteps() {
                return timesteps.clone();
            }

            @Override
            public float[] step(int index, float[] modelOutput, float[] sample) {
                Parameterisation.check(modelOutput, sample);
                double a = alphaAt(timesteps, index);
                double aPrev = alphaAt(timesteps, index + 1);
                double sqrtPrev = Math.sqrt(aPrev);
                double sigmaPrev = Math.sqrt(1 - aPrev);
                float[] next = new float[sample.length];
                for (int i = 0; i < next.length; i++) {
                    double x0 = Parameterisation.x0(config.predictionType(), modelOutput[i], sample[i], a);
                    double eps;
                    if (config.clipSample()) {
                        x0 = Math.max(-1, Math.min(1, x0));
                        eps = (sample[i] - Math.sqrt(a) * x0) / Math.sqrt(1 - a);
                    } else {
                        eps = Parameterisation.eps(config.predictionType(), modelOutput[i], sample[i], a, x0);
                    }
                    next[i] = (float) (sqrtPrev * x0 + sigmaPrev * eps);
                }
                return next;
            }

            @Override
            public float[] predictOriginal(int index, float[] modelOutput, float[] sample) {
                return Parameterisation.x0(config.predictionType(), modelOutput, sample, alphaAt(timesteps, index));
            }
        };
    }

    /** alpha_bar of the {@code index}-th inference timestep; past the end, the final alpha_bar. */
    double alphaAt(int[] timesteps, int index) {
        if (index < timesteps.length) {
            return schedule.alphaCumprod(timesteps[index]);
        }
        return config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0);
    }
}
