package org.fvstudio.inference.dwpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;

class OneEuroFilterTest {

    @Test
    void oneStepMatchesTheFormula() {
        OneEuroFilter filter = new OneEuroFilter(new OneEuroSettings(1.0, 0.0, 1.0));
        assertThat(filter.filter(0, 0)).isZero();
        // beta 0: cut-off 1 Hz; tau = 1 / (2 pi); alpha = 1 / (1 + tau / 0.1)
        double alpha = 1 / (1 + (1 / (2 * Math.PI)) / 0.1);
        assertThat(filter.filter(10, 0.1)).isCloseTo(10 * alpha, within(1e-12));
    }

    @Test
    void speedRaisesTheCutOff() {
        OneEuroFilter slow = new OneEuroFilter(new OneEuroSettings(1.0, 0.0, 1.0));
        OneEuroFilter adaptive = new OneEuroFilter(new OneEuroSettings(1.0, 0.05, 1.0));
        double lagSlow = 0;
        double lagAdaptive = 0;
        for (int i = 0; i <= 60; i++) {
            double t = i / 60.0;
            double x = 600 * t; // 600 px/s
            lagSlow = x - slow.filter(x, t);
            lagAdaptive = x - adaptive.filter(x, t);
        }
        assertThat(lagAdaptive).isPositive().isLessThan(lagSlow / 2);
    }

    @Test
    void jitterAtRestIsReducedAndAConstantIsUntouched() {
        OneEuroFilter filter = new OneEuroFilter(OneEuroSettings.forPixels());
        Random random = new Random(7);
        double rawVar = 0;
        double filteredVar = 0;
        int n = 600;
        for (int i = 0; i < n; i++) {
            double noise = random.nextGaussian() * 2;
            double out = filter.filter(500 + noise, i / 60.0);
            if (i >= 60) {
                rawVar += noise * noise;
                filteredVar += (out - 500) * (out - 500);
            }
        }
        assertThat(filteredVar).isLessThan(rawVar / 4);
        OneEuroFilter constant = new OneEuroFilter(OneEuroSettings.forPixels());
        for (int i = 0; i < 10; i++) {
            assertThat(constant.filter(42.5, i / 30.0)).isEqualTo(42.5);
        }
        assertThatThrownBy(() -> constant.filter(1, 0)).hasMessageContaining("time must increase");
    }

    @Test
    void smootherRestartsAPointThatWentMissing() {
        PoseSmoother smoother = new PoseSmoother(new OneEuroSettings(1.0, 0.0, 1.0));
        PersonPose at0 = PersonPose.empty().with(0, new Keypoint(0, 0, 0.9)).with(1, new Keypoint(0, 0, 0.9));
        smoother.smooth(new Pose(100, 100, List.of(at0)), 0);
        PersonPose at1 = PersonPose.empty().with(0, new Keypoint(10, 20, 0.9)); // point 1 missing
        PersonPose smoothed1 = smoother.smooth(new Pose(100, 100, List.of(at1)), 0.1).people().get(0);
        double alpha = 1 / (1 + (1 / (2 * Math.PI)) / 0.1);
        assertThat(smoothed1.x(0)).isCloseTo(10 * alpha, within(1e-9));
        assertThat(smoothed1.y(0)).isCloseTo(20 * alpha, within(1e-9));
        assertThat(smoothed1.get(1)).isEqualTo(Keypoint.MISSING);
        PersonPose at2 = at1.with(1, new Keypoint(50, 60, 0.8));
        PersonPose smoothed2 = smoother.smooth(new Pose(100, 100, List.of(at2)), 0.2).people().get(0);
        assertThat(smoothed2.get(1)).isEqualTo(new Keypoint(50, 60, 0.8)); // restarted: passes unchanged
        assertThat(smoothed2.confidence(0)).isEqualTo(0.9);
    }
}
