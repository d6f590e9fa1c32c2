package org.fvstudio.retarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.junit.jupiter.api.Test;

class ProportionEstimatorTest {

    private static final Map<BoneKind, Double> CHARACTER = SyntheticBodies.lengths(40, 12, 15, 35, 60, 55, 100, 90, 85);

    @Test
    void viewsAtTheirOwnScaleWithAForeshortenedThighGiveTheTrueProportions() {
        Proportions p = ProportionEstimator.estimate(List.of(
                // wide, the thigh pointing at the camera (40 % of its length)
                SyntheticBodies.figure(CHARACTER, 200, 100, 0.5, 5, BoneKind.THIGH, 0.4),
                // medium, whole body
                SyntheticBodies.figure(CHARACTER, 250, 60, 1.3, -8, null, 1),
                // close-up without legs, forearm foreshortened
                SyntheticBodies.without(SyntheticBodies.figure(CHARACTER, 250, 300, 3, 0, BoneKind.FOREARM, 0.7),
                        BodyJoint.RIGHT_KNEE, BodyJoint.LEFT_KNEE, BodyJoint.RIGHT_ANKLE, BodyJoint.LEFT_ANKLE)));
        for (BoneKind kind : BoneKind.values()) {
            assertThat(p.length(kind)).as(kind.label()).hasValueSatisfying(
                    l -> assertThat(l).isCloseTo(CHARACTER.get(kind) / 100, within(1e-9)));
        }
        assertThat(p.views().get(BoneKind.SHIN)).isEqualTo(2);
        assertThat(p.views().get(BoneKind.HEAD)).isEqualTo(3);
    }

    @Test
    void aBoneNoViewShowsIsUnknown() {
        Proportions p = ProportionEstimator.estimate(List.of(SyntheticBodies.without(
                SyntheticBodies.figure(CHARACTER, 200, 100, 1, 0, null, 1), BodyJoint.RIGHT_ANKLE, BodyJoint.LEFT_ANKLE)));
        assertThat(p.knows(BoneKind.SHIN)).isFalse();
        assertThat(p.length(BoneKind.THIGH)).hasValueSatisfying(l -> assertThat(l).isCloseTo(0.9, within(1e-9)));
        assertThat(ProportionEstimator.estimate(List.of()).isEmpty()).isTrue();
    }
}
