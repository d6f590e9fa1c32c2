package org.fvstudio.motion.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InitialFacingTest {

    private static BvhPoseTrackBuilder cmu;

    @BeforeAll
    static void load() {
        cmu = new BvhPoseTrackBuilder(BvhVariants.parse(BvhVariants.cmuText(), "cmu_01_01.bvh"));
    }

    @Test
    void theCmuPerformerStartsFacingPlusZWithToesAndTravelAgreeing() {
        InitialFacing facing = cmu.initialFacing();
        assertThat(facing.yawDegrees()).isBetween(-45.0, 45.0);
        assertThat(facing.toesAgree()).isEqualTo(1);
        assertThat(facing.flipped()).isFalse();
    }

    @Test
    void aPerformerTurnedRoundIsStillSeenFromTheFrontAtYawZero() {
        double original = cmu.initialFacing().yawDegrees();
        for (double turn : new double[] {180, 90, -120}) {
            BvhPoseTrackBuilder turned = new BvhPoseTrackBuilder(
                    BvhVariants.parse(BvhVariants.turned(BvhVariants.cmuText(), turn), "turned.bvh"));
            double expected = wrap(original + turn);
            assertThat(turned.initialFacing().yawDegrees()).as("turned %s", turn).isCloseTo(expected, within(1e-6));
            if (turn == -120) {
                continue; // the clip's bounding box, and with it the framing, changes under this turn
            }
            // the turned clip seen through its default camera looks like the original through its own
            PersonPose front = cmu.poseAt(0, 24, cmu.defaultCamera(512, 512), 512, 512).people().get(0);
            PersonPose seen = turned.poseAt(0, 24, turned.defaultCamera(512, 512), 512, 512).people().get(0);
            for (int i = 0; i < BodyPart.BODY.size() + BodyPart.FEET.size(); i++) {
                assertThat(seen.x(i)).as("turned %s, point %d", turn, i).isCloseTo(front.x(i), within(1e-6));
                assertThat(seen.y(i)).isCloseTo(front.y(i), within(1e-6));
            }
        }
        // Before the estimate, yaw 0 looked from +Z and showed the turned performer's back.
        BvhPoseTrackBuilder turned = new BvhPoseTrackBuilder(
                BvhVariants.parse(BvhVariants.turned(BvhVariants.cmuText(), 180), "turned.bvh"));
        OrbitCameraTrack fromPlusZ = turned.defaultCamera(512, 512).orbitedBy(-turned.initialFacing().yawDegrees());
        PersonPose back = turned.poseAt(0, 24, fromPlusZ, 512, 512).people().get(0);
        assertThat(back.x(BodyJoint.LEFT_SHOULDER.index())).isLessThan(back.x(BodyJoint.RIGHT_SHOULDER.index()));
        PersonPose front = turned.poseAt(0, 24, turned.defaultCamera(512, 512), 512, 512).people().get(0);
        assertThat(front.x(BodyJoint.LEFT_SHOULDER.index())).isGreaterThan(front.x(BodyJoint.RIGHT_SHOULDER.index()));
    }

    @Test
    void mirroredLeftAndRightAreOverruledWhenToesAndTravelBothPointTheOtherWay() {
        // walks +Z at 1 unit/s with the toes to +Z, but the file calls the +X side "right"
        InitialFacing facing = InitialFacing.estimate(t -> walker(t, true, 1, true), 3);
        assertThat(facing.yawDegrees()).isCloseTo(0, within(1e-9));
        assertThat(facing.flipped()).isTrue();
        assertThat(facing.toesAgree()).isEqualTo(1);
        assertThat(facing.travelAgrees()).isEqualTo(1);
        assertThat(facing.describe()).contains("mirrored");
    }

    @Test
    void oneDisagreeingCueDoesNotTurnTheCameraRound() {
        // correct sides, toes forwards, but stepping backwards: still facing +Z
        InitialFacing backwards = InitialFacing.estimate(t -> walker(t, false, -1, true), 3);
        assertThat(backwards.yawDegrees()).isCloseTo(0, within(1e-9));
        assertThat(backwards.travelAgrees()).isEqualTo(-1);
        assertThat(backwards.flipped()).isFalse();
        // mirrored sides without toes: travel alone cannot overrule the hips and shoulders
        InitialFacing noToes = InitialFacing.estimate(t -> walker(t, true, 1, false), 3);
        assertThat(noToes.yawDegrees()).isCloseTo(180, within(1e-9));
        assertThat(noToes.toesAgree()).isZero();
        // standing still: the hips and shoulders decide alone
        InitialFacing still = InitialFacing.estimate(t -> walker(t, false, 0, false), 3);
        assertThat(still.yawDegrees()).isCloseTo(0, within(1e-9));
        assertThat(still.travelAgrees()).isZero();
    }

    /** A stick performer facing +Z, moving {@code speed} units/s along +Z, 1.7 units tall. */
    private static double[] walker(double t, boolean mirrored, double speed, boolean toes) {
        double[] p = new double[BvhBodyMapping.POINTS * 4];
        double z = speed * t;
        double side = mirrored ? -1 : 1;
        set(p, BodyJoint.LEFT_HIP.index(), 0.1 * side, 0.9, z);
        set(p, BodyJoint.RIGHT_HIP.index(), -0.1 * side, 0.9, z);
        set(p, BodyJoint.LEFT_SHOULDER.index(), 0.2 * side, 1.45, z);
        set(p, BodyJoint.RIGHT_SHOULDER.index(), -0.2 * side, 1.45, z);
        set(p, BodyJoint.NECK.index(), 0, 1.45, z);
        set(p, BodyJoint.LEFT_ANKLE.index(), 0.1 * side, 0.08, z);
        set(p, BodyJoint.RIGHT_ANKLE.index(), -0.1 * side, 0.08, z);
        if (toes) {
            set(p, BodyPart.FEET.offset(), 0.1 * side, 0, z + 0.15);
            set(p, BodyPart.FEET.offset() + 3, -0.1 * side, 0, z + 0.15);
        }
        return p;
    }

    private static void set(double[] p, int k, double x, double y, double z) {
        p[4 * k] = x;
        p[4 * k + 1] = y;
        p[4 * k + 2] = z;
        p[4 * k + 3] = 1;
    }

    private static double wrap(double degrees) {
        double d = ((degrees + 180) % 360 + 360) % 360 - 180;
        return d == -180 ? 180 : d;
    }
}
