package org.fvstudio.inference.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SchedulerStepTest {

    private static final int N = 64;

    private static float[] gaussian(long seed) {
        Random r = new Random(seed);
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** One DDIM step given the true x0 and eps, for every prediction type: x_prev = sqrt(a') x0 + sqrt(1-a') eps. */
    @Test
    void ddimStepRecoversTheDeterministicUpdateForEachPredictionType() {
        float[] x0 = gaussian(1);
        float[] eps = gaussian(2);
        for (PredictionType type : PredictionType.values()) {
            SchedulerConfig c = SchedulerConfig.stableDiffusion(type, TimestepSpacing.LEADING, false);
            DdimScheduler ddim = new DdimScheduler(c);
            SchedulerRun run = ddim.start(10);
            // step index 3 -> timestep 601, previous 501 (leading, offset 1)
            double a = alphaBar(c, 601);
            double aPrev = alphaBar(c, 501);
            float[] xt = new float[N];
            float[] out = new float[N];
            for (int i = 0; i < N; i++) {
                xt[i] = (float) (Math.sqrt(a) * x0[i] + Math.sqrt(1 - a) * eps[i]);
                out[i] = (float) switch (type) {
                    case EPSILON -> eps[i];
                    case V_PREDICTION -> Math.sqrt(a) * eps[i] - Math.sqrt(1 - a) * x0[i];
                    case SAMPLE -> x0[i];
                };
            }
            float[] next = run.step(3, out, xt);
            float[] predicted = run.predictOriginal(3, out, xt);
            for (int i = 0; i < N; i++) {
                double expected = Math.sqrt(aPrev) * x0[i] + Math.sqrt(1 - aPrev) * eps[i];
                assertThat((double) next[i]).as(type.name()).isCloseTo(expected, within(2e-5));
                assertThat((double) predicted[i]).isCloseTo(x0[i], within(2e-5));
            }
        }
    }

    @Test
    void steppingIntoAnArrayGivesTheAllocatingStepsResult() {
        float[] x = gaussian(7);
        float[] out = gaussian(8);
        for (boolean clip : new boolean[] {false, true}) {
            SchedulerConfig c = SchedulerConfig.stableDiffusion(PredictionType.EPSILON, TimestepSpacing.LEADING, clip);
            for (Scheduler s : new Scheduler[] {new DdimScheduler(c), new DpmSolverPlusPlus2M(c)}) {
                SchedulerRun allocating = s.start(6);
                SchedulerRun into = s.start(6);
                float[] a = x;
                float[] b = x.clone();
                for (int i = 0; i < 6; i++) {
                    a = allocating.step(i, out, a);
                    float[] next = new float[N];
                    into.step(i, out, b, next);
                    b = next;
                    assertThat(b).as("%s clip %s step %d", s.name(), clip, i).isEqualTo(a);
                }
            }
        }
    }

    @Test
    void lastDdimStepLandsOnTheCleanSample() {
        SchedulerConfig c = SchedulerConfig.stableDiffusion(PredictionType.V_PREDICTION, TimestepSpacing.TRAILING, false);
        SchedulerRun run = new DdimScheduler(c).start(4);
        float[] x0 = gaussian(3);
        float[] eps = gaussian(4);
        double a = alphaBar(c, 249);
        float[] xt = new float[N];
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            xt[i] = (float) (Math.sqrt(a) * x0[i] + Math.sqrt(1 - a) * eps[i]);
            v[i] = (float) (Math.sqrt(a) * eps[i] - Math.sqrt(1 - a) * x0[i]);
        }
        float[] last = run.step(3, v, xt);
        for (int i = 0; i < N; i++) {
            assertThat((double) last[i]).isCloseTo(x0[i], within(2e-5));
        }
    }

    /** The first DPM-Solver++ step is first order, which equals DDIM; the second uses the 2M formula. */
    @Test
    void dpmSolverFirstStepIsDdimAndSecondFollowsTheTwoStepFormula() {
        SchedulerConfig c = SchedulerConfig.stableDiffusion(PredictionType.EPSILON, TimestepSpacing.LINSPACE, false);
        SchedulerRun dpm = new DpmSolverPlusPlus2M(c).start(4); // 999, 666, 333, 0
        SchedulerRun ddim = new DdimScheduler(c).start(4);
        float[] x = gaussian(5);
        float[] e1 = gaussian(6);
        float[] e2 = gaussian(7);
        float[] a1 = dpm.step(0, e1, x);
        float[] b1 = ddim.step(0, e1, x);
        for (int i = 0; i < N; i++) {
            assertThat(a1[i]).isCloseTo(b1[i], within(1e-4f));
        }
        float[] a2 = dpm.step(1, e2, a1);
        double s0 = alphaBar(c, 999);
        double s1 = alphaBar(c, 666);
        double s2 = alphaBar(c, 333);
        double l0 = Math.log(Math.sqrt(s0) / Math.sqrt(1 - s0));
        double l1 = Math.log(Math.sqrt(s1) / Math.sqrt(1 - s1));
        double l2 = Math.log(Math.sqrt(s2) / Math.sqrt(1 - s2));
        double h = l2 - l1;
        double hPrev = l1 - l0;
        for (int i = 0; i < N; i++) {
            double m1 = (x[i] - Math.sqrt(1 - s0) * e1[i]) / Math.sqrt(s0);
            double m0 = (a1[i] - Math.sqrt(1 - s1) * e2[i]) / Math.sqrt(s1);
            double d = m0 + 0.5 * (m0 - m1) * h / hPrev;
            double expected = Math.sqrt(1 - s2) / Math.sqrt(1 - s1) * a1[i] - Math.sqrt(s2) * (Math.exp(-h) - 1) * d;
            assertThat((double) a2[i]).isCloseTo(expected, within(1e-4));
        }
    }

    /**
     * For Gaussian data N(mu, s^2) the exact denoiser is known and the probability-flow ODE keeps the noise
     * quantile z: it ends at mu + s z. The second-order solver gets closer than DDIM with the same steps.
     */
    @Test
    void solversConvergeOnGaussianDataAndSecondOrderIsMoreAccurateWithManySteps() {
        double mu = 0.7;
        double s = 0.4;
        SchedulerConfig c = SchedulerConfig.stableDiffusion(PredictionType.EPSILON, TimestepSpacing.LEADING, false);
        float[] z = gaussian(8);
        double ddim16 = odeError(new DdimScheduler(c), c, 16, z, mu, s);
        double ddim32 = odeError(new DdimScheduler(c), c, 32, z, mu, s);
        double ddim128 = odeError(new DdimScheduler(c), c, 128, z, mu, s);
        double dpm128 = odeError(new DpmSolverPlusPlus2M(c), c, 128, z, mu, s);
        // first order: halving the step size roughly halves the error
        assertThat(ddim32).isLessThan(0.7 * ddim16);
        assertThat(dpm128).isLessThan(0.01).isLessThan(ddim128 / 4);
    }

    private static double odeError(Scheduler scheduler, SchedulerConfig c, int steps, float[] z, double mu, double s) {
        SchedulerRun run = scheduler.start(steps);
        int[] ts = run.timesteps();
        double aT = alphaBar(c, ts[0]);
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (Math.sqrt(aT) * mu + Math.sqrt(aT * s * s + 1 - aT) * z[i]);
        }
        for (int k = 0; k < ts.length; k++) {
            double a = alphaBar(c, ts[k]);
            float[] eps = new float[N];
            for (int i = 0; i < N; i++) {
                double meanX0 = mu + Math.sqrt(a) * s * s * (x[i] - Math.sqrt(a) * mu) / (a * s * s + 1 - a);
                eps[i] = (float) ((x[i] - Math.sqrt(a) * meanX0) / Math.sqrt(1 - a));
            }
            x = run.step(k, eps, x);
        }
        double worst = 0;
        for (int i = 0; i < N; i++) {
            worst = Math.max(worst, Math.abs(x[i] - (mu + s * z[i])));
        }
        return worst;
    }

    private static double alphaBar(SchedulerConfig c, int t) {
        double p = 1;
        for (int i = 0; i <= t; i++) {
            double root = Math.sqrt(c.betaStart()) + (Math.sqrt(c.betaEnd()) - Math.sqrt(c.betaStart())) * i / (c.trainTimesteps() - 1.0);
            p *= 1 - root * root;
        }
        return p;
    }
}
