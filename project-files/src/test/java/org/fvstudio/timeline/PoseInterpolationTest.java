package org.fvstudio.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.junit.jupiter.api.Test;

class PoseInterpolationTest {

    private static PersonPose at(double x, double y) {
        return PersonPose.empty().with(0, new Keypoint(x, y, 1)).with(1, new Keypoint(50, 50, 0.8));
    }

    private static PersonTrack track(Interpolation mode, PersonPose... poses) {
        List<PoseKeyframe> keys = new java.util.ArrayList<>();
        for (int i = 0; i < poses.length; i++) {
            keys.add(new PoseKeyframe(10 * i, poses[i], mode));
        }
        return new PersonTrack("p", keys);
    }

    @Test
    void constantHoldsTheFirstKeyUntilTheNext() {
        PersonTrack t = track(Interpolation.CONSTANT, at(0, 0), at(100, 50));
        assertThat(t.sample(9).orElseThrow().x(0)).isZero();
        assertThat(t.sample(10).orElseThrow().x(0)).isEqualTo(100);
    }

    @Test
    void linearBlendsProportionally() {
        PersonTrack t = track(Interpolation.LINEAR, at(0, 0), at(100, 50));
        PersonPose mid = t.sample(3).orElseThrow();
        assertThat(mid.x(0)).isCloseTo(30, within(1e-9));
        assertThat(mid.y(0)).isCloseTo(15, within(1e-9));
        assertThat(mid.confidence(1)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void easeInOutIsSlowAtTheEndsAndSymmetric() {
        PersonTrack t = track(Interpolation.EASE_IN_OUT, at(0, 0), at(100, 0));
        // smoothstep: 3t^2 - 2t^3
        assertThat(t.sample(1).orElseThrow().x(0)).isCloseTo(100 * (3 * 0.01 - 2 * 0.001), within(1e-9));
        assertThat(t.sample(5).orElseThrow().x(0)).isCloseTo(50, within(1e-9));
        assertThat(t.sample(9).orElseThrow().x(0)).isCloseTo(100 - 100 * (3 * 0.01 - 2 * 0.001), within(1e-9));
    }

    @Test
    void smoothFollowsCatmullRomThroughTheNeighbours() {
        PersonTrack t = track(Interpolation.SMOOTH, at(0, 0), at(10, 0), at(30, 0), at(60, 0));
        // segment 10 -> 30 at t = 0.5 with neighbours 0 and 60:
        // 0.5 * (2*10 + (-0 + 30)*0.5 + (0 - 50 + 120 - 60)*0.25 + (-0 + 30 - 90 + 60)*0.125) = 18.75
        assertThat(t.sample(15).orElseThrow().x(0)).isCloseTo(18.75, within(1e-9));
        // passes through the keys
        assertThat(t.sample(20).orElseThrow().x(0)).isEqualTo(30);
        // first segment has no key before it: the first key stands in for it
        assertThat(t.sample(5).orElseThrow().x(0)).isCloseTo(PoseInterpolator.catmullRom(0, 0, 10, 30, 0.5), within(1e-12));
    }

    @Test
    void aPointMissingOnEitherSideStaysMissing() {
        PersonPose missingHead = PersonPose.empty().with(1, new Keypoint(50, 50, 0.8));
        for (Interpolation mode : Interpolation.values()) {
            PersonTrack t = track(mode, at(0, 0), missingHead, at(20, 20));
            for (int f = 1; f < 20; f++) {
                PersonPose p = t.sample(f).orElseThrow();
                if (mode == Interpolation.CONSTANT && f < 10) {
                    assertThat(p.confidence(0)).isEqualTo(1);
                } else {
                    assertThat(p.confidence(0)).as("%s frame %d", mode, f).isZero();
                }
                assertThat(p.confidence(1)).isPositive();
            }
        }
    }

    @Test
    void beforeTheFirstAndAfterTheLastKeyTheEndPosesHold() {
        PersonTrack t = new PersonTrack("p", List.of(new PoseKeyframe(5, at(1, 1), Interpolation.LINEAR),
                new PoseKeyframe(8, at(4, 4), Interpolation.LINEAR)));
        assertThat(t.sample(0).orElseThrow().x(0)).isEqualTo(1);
        assertThat(t.sample(100).orElseThrow().x(0)).isEqualTo(4);
    }
}
