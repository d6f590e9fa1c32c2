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
                float[] next = new float[sample.length];
                step(index, modelOutput, sample, next);
                return next;
            }

            @Override
            public void step(int index, float[] modelOutput, float[] sample, float[] next) {
                Parameterisation.check(modelOutput, sample);
                if (next.length != sample.length) {
                    throw new IllegalArgumentException("next sample has " + next.length + " values, sample has "
                            + sample.length);
                }
                double a = alphaAt(timesteps, index);
                double aPrev = alphaAt(timesteps, index + 1);
                // per-step constants, so the loop has no square roots
                double sqrtA = Math.sqrt(a);
                double sqrtOneMinusA = Math.sqrt(1 - a);
                double sqrtPrev = Math.sqrt(aPrev);
                double sigmaPrev = Math.sqrt(1 - aPrev);
                PredictionType type = config.predictionType();
                if (!config.clipSample()) {
                    // without clipping the step is linear: x_prev = cx * x + cm * m (expanded from x0 and eps below)
                    double cx;
                    double cm;
                    switch (type) {
                        case SAMPLE -> {
                            cx = sigmaPrev / sqrtOneMinusA;
                            cm = sqrtPrev - sigmaPrev * sqrtA / sqrtOneMinusA;
                        }
                        case EPSILON -> {
                            cx = sqrtPrev / sqrtA;
                            cm = sigmaPrev - sqrtPrev * sqrtOneMinusA / sqrtA;
                        }
                        default -> {
                            cx = sqrtPrev * sqrtA + sigmaPrev * sqrtOneMinusA;
                            cm = sigmaPrev * sqrtA - sqrtPrev * sqrtOneMinusA;
                        }
                    }
                    // coefficients in float64, cast to float32 for the tensor arithmetic (docs/model-pack.md section 5)
                    float fx = (float) cx;
                    float fm = (float) cm;
                    for (int i = 0; i < next.length; i++) {
                        next[i] = fx * sample[i] + fm * modelOutput[i];
                    }
                    return;
                }
                for (int i = 0; i < next.length; i++) {
                    double m = modelOutput[i];
                    double x = sample[i];
                    double x0 = switch (type) {
                        case EPSILON -> (x - sqrtOneMinusA * m) / sqrtA;
                        case V_PREDICTION -> sqrtA * x - sqrtOneMinusA * m;
                        case SAMPLE -> m;
                    };
                    x0 = Math.max(-1, Math.min(1, x0));
                    double eps = (x - sqrtA * x0) / sqrtOneMinusA;
                    next[i] = (float) (sqrtPrev * x0 + sigmaPrev * eps);
                }
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
