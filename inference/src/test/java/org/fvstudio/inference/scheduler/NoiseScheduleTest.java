package org.fvstudio.inference.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    /** alpha_bar_t written as exp(sum log(1 - beta)), a different route from the running product. */
    private static double[] alphaBarByLogSum(double betaStart, double betaEnd, boolean scaled, int n) {
        double[] out = new double[n];
        double logSum = 0;
        for (int i = 0; i < n; i++) {
            double beta;
            if (scaled) {
                double root = Math.sqrt(betaStart) * (n - 1 - i) / (n - 1) + Math.sqrt(betaEnd) * i / (n - 1);
                beta = Math.pow(root, 2);
            } else {
                beta = betaStart * (n - 1 - i) / (n - 1) + betaEnd * i / (n - 1);
            }
            logSum += Math.log1p(-beta);
            out[i] = Math.exp(logSum);
        }
        return out;
    }

    @Test
    void scaledLinearAlphasMatchTheFormula() {
        NoiseSchedule s = NoiseSchedule.of(SchedulerConfig.stableDiffusion(PredictionType.EPSILON, TimestepSpacing.LEADING, false));
        double[] expected = alphaBarByLogSum(0.00085, 0.012, true, 1000);
        for (int t = 0; t < 1000; t++) {
            assertThat(s.alphaCumprod(t)).isCloseTo(expected[t], within(1e-12));
        }
        // Well-known Stable Diffusion figures: alpha_bar_0 = 1 - 0.00085, alpha_bar_999 ~ 0.00466.
        assertThat(s.alphaCumprod(0)).isCloseTo(0.99915, within(1e-12));
        assertThat(s.alphaCumprod(999)).isCloseTo(0.00466, within(5e-5));
    }

    @Test
    void linearAlphasMatchTheFormula() {
        SchedulerConfig c = new SchedulerConfig(1000, 1e-4, 0.02, BetaSchedule.LINEAR, PredictionType.EPSILON,
                TimestepSpacing.LEADING, 0, false, true, false);
        NoiseSchedule s = NoiseSchedule.of(c);
        double[] expected = alphaBarByLogSum(1e-4, 0.02, false, 1000);
        for (int t = 0; t < 1000; t += 37) {
            assertThat(s.alphaCumprod(t)).isCloseTo(expected[t], within(1e-12));
        }
        assertThat(s.beta(999)).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void zeroSnrRescaleKeepsTheFirstLevelAndEndsAtZero() {
        for (BetaSchedule b : BetaSchedule.values()) {
            boolean scaled = b == BetaSchedule.SCALED_LINEAR;
            double start = scaled ? 0.00085 : 1e-4;
            double end = scaled ? 0.012 : 0.02;
            SchedulerConfig c = new SchedulerConfig(1000, start, end, b, PredictionType.V_PREDICTION,
                    TimestepSpacing.TRAILING, 0, true, true, false);
            NoiseSchedule s = NoiseSchedule.of(c);
            double[] plain = alphaBarByLogSum(start, end, scaled, 1000);
            double r0 = Math.sqrt(plain[0]);
            double rT = Math.sqrt(plain[999]);
            for (int t = 0; t < 1000; t += 11) {
                // sqrt(alpha_bar) shifted to end at 0 and scaled to keep its first value (Lin et al. 2023, eq. in sec. 3.1)
                double root = (Math.sqrt(plain[t]) - rT) * r0 / (r0 - rT);
                assertThat(s.alphaCumprod(t)).as("t=%d %s", t, b).isCloseTo(root * root, within(1e-10));
            }
            assertThat(s.alphaCumprod(999)).isCloseTo(0.0, within(1e-15));
            assertThat(s.alphaCumprod(0)).isCloseTo(plain[0], within(1e-12));
            assertThat(s.beta(999)).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void timestepsFollowTheSpacingRules() {
        SchedulerConfig leading = SchedulerConfig.stableDiffusion(PredictionType.EPSILON, TimestepSpacing.LEADING, false);
        assertThat(Timesteps.of(leading, 10)).containsExactly(901, 801, 701, 601, 501, 401, 301, 201, 101, 1);
        SchedulerConfig trailing = SchedulerConfig.stableDiffusion(PredictionType.V_PREDICTION, TimestepSpacing.TRAILING, true);
        assertThat(Timesteps.of(trailing, 10)).containsExactly(999, 899, 799, 699, 599, 499, 399, 299, 199, 99);
        // 1000 / 3 = 333.33: round(1000), round(666.67), round(333.33) minus one
        assertThat(Timesteps.of(trailing, 3)).containsExactly(999, 666, 332);
        SchedulerConfig linspace = SchedulerConfig.stableDiffusion(PredictionType.EPSILON, TimestepSpacing.LINSPACE, false);
        assertThat(Timesteps.of(linspace, 10)).containsExactly(999, 888, 777, 666, 555, 444, 333, 222, 111, 0);
        assertThat(Timesteps.of(linspace, 4)).containsExactly(999, 666, 333, 0);
        assertThat(Timesteps.of(trailing, 1)).containsExactly(999);
    }
}
