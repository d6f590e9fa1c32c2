package org.fvstudio.inference.scheduler;

/**
 * DPM-Solver++ 2M (Lu et al. 2022), data-prediction form, midpoint variant, as diffusers' multistep solver
 * with {@code lower_order_final}: first order on the first step and whenever the next noise level is zero,
 * second order in between. With alpha_t = sqrt(a), sigma_t = sqrt(1-a), lambda = log(alpha / sigma):
 * x_t = (sigma_t / sigma_s) x_s - alpha_t (e^{-h} - 1) (D0 + 0.5 D1), D1 = (m0 - m1) / r0, r0 = h_prev / h.
 */
public final class DpmSolverPlusPlus2M implements Scheduler {

    private final SchedulerConfig config;
    private final DdimScheduler levels;

    public DpmSolverPlusPlus2M(SchedulerConfig config) {
        this.config = config;
        this.levels = new DdimScheduler(config);
    }

    @Override
    public String name() {
        return "dpmsolver++";
    }

    @Override
    public SchedulerConfig config() {
        return config;
    }

    @Override
    public SchedulerRun start(int steps) {
        int[] timesteps = Timesteps.of(config, steps);
        return new SchedulerRun() {
            private float[] previousX0;
            private int previousIndex = -1;

            @Override
            public int[] timesteps() {
                return timesteps.clone();
            }

            @Override
            public float[] step(int index, float[] modelOutput, float[] sample) {
                Parameterisation.check(modelOutput, sample);
                double aS = levels.alphaAt(timesteps, index);
                double aT = levels.alphaAt(timesteps, index + 1);
                float[] x0 = Parameterisation.x0(config.predictionType(), modelOutput, sample, aS);
                double alphaT = Math.sqrt(aT);
                double sigmaT = Math.sqrt(1 - aT);
                double sigmaS = Math.sqrt(1 - aS);
                double lambdaT = lambda(aT);
                double lambdaS = lambda(aS);
                double h = lambdaT - lambdaS;
                double phi = Math.expm1(-h); // e^{-h} - 1, exact when h is infinite
                double ratio = sigmaT == 0 ? 0 : sigmaT / sigmaS;
                boolean secondOrder = previousX0 != null && previousIndex == index - 1 && sigmaT > 0;
                double d1Scale = 0;
                if (secondOrder) {
                    double lambdaPrev = lambda(levels.alphaAt(timesteps, index - 1));
                    double r0 = (lambdaS - lambdaPrev) / h;
                    d1Scale = Double.isFinite(r0) && r0 != 0 ? 1 / r0 : 0;
                }
                float[] next = new float[sample.length];
                for (int i = 0; i < next.length; i++) {
                    double d = x0[i];
                    if (secondOrder && d1Scale != 0) {
                        d += 0.5 * d1Scale * (x0[i] - previousX0[i]);
                    }
                    next[i] = (float) (ratio * sample[i] - alphaT * phi * d);
                }
                previousX0 = x0;
                previousIndex = index;
                return next;
            }

            @Override
            public float[] predictOriginal(int index, float[] modelOutput, float[] sample) {
                return Parameterisation.x0(config.predictionType(), modelOutput, sample, levels.alphaAt(timesteps, index));
            }
        };
    }

    private static double lambda(double alphaBar) {
        return 0.5 * (Math.log(alphaBar) - Math.log(1 - alphaBar));
    }
}
