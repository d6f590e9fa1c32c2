package org.fvstudio.inference.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianNoiseTest {

    @Test
    void sameSeedSameNoiseOtherSeedOtherNoise() {
        float[] a = new GaussianNoise(42).next(1000);
        float[] b = new GaussianNoise(42).next(1000);
        float[] c = new GaussianNoise(43).next(1000);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void hasStandardNormalMomentsAndTails() {
        float[] v = new GaussianNoise(7).next(200_000);
        double mean = 0;
        double sq = 0;
        int beyondTwo = 0;
        for (float x : v) {
            mean += x;
            sq += x * x;
            beyondTwo += Math.abs(x) > 2 ? 1 : 0;
        }
        mean /= v.length;
        double var = sq / v.length - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(var).isCloseTo(1, within(0.01));
        // P(|z| > 2) = 0.0455
        assertThat(beyondTwo / (double) v.length).isCloseTo(0.0455, within(0.003));
    }

    @Test
    void frameNoiseIsSharedOrPerFrameAsAsked() {
        assertThat(GaussianNoise.forFrame(5, 0, true, 64)).containsExactly(GaussianNoise.forFrame(5, 9, true, 64));
        assertThat(GaussianNoise.forFrame(5, 0, false, 64)).isNotEqualTo(GaussianNoise.forFrame(5, 9, false, 64));
        assertThat(GaussianNoise.forFrame(5, 3, false, 64)).containsExactly(GaussianNoise.forFrame(5, 3, false, 64));
    }
}
