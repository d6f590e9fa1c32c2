package org.fvstudio.motion.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForwardKinematicsTest {

    @Test
    void restFrameIsTheSumOfOffsets() throws Exception {
        BvhMotion motion = BvhTestFiles.parse(BvhTestFiles.SMALL, "small.bvh");
        BvhSkeletonPose pose = ForwardKinematics.solve(motion, 0);
        assertPoint(pose.position(0), 0, 0, 0);
        assertPoint(pose.position(1), 0, 0, 2);
        assertPoint(pose.endSite(1), 0, 3, 2);
        assertPoint(pose.position(2), 1, 0, 0);
        assertPoint(pose.endSite(2), 1, 3, 0);
    }

    /*
     * Frame 1 by hand: root at (1, 2, 3) turned Ry(90), which maps (x, y, z) to (z, y, -x).
     * A = root + Ry90 (0, 0, 2) = (3, 2, 3). A's rotation is Rx(90) Rz(90): (0, 3, 0) -Rz90-> (-3, 0, 0)
     *   -Rx90-> (-3, 0, 0) -Ry90-> (0, 0, 3), so A's end = (3, 2, 6).
     * B = root + Ry90 (1, 0, 0) = (1, 2, 2). B's rotation is Rz(90) Rx(90): (0, 3, 0) -Rx90-> (0, 0, 3)
     *   -Rz90-> (0, 0, 3) -Ry90-> (3, 0, 0), so B's end = (4, 2, 2).
     */
    @Test
    void rotationsComposeInChannelOrder() throws Exception {
        BvhMotion motion = BvhTestFiles.parse(BvhTestFiles.SMALL, "small.bvh");
        BvhSkeletonPose pose = ForwardKinematics.solve(motion, 1);
        assertPoint(pose.position(0), 1, 2, 3);
        assertPoint(pose.position(1), 3, 2, 3);
        assertPoint(pose.endSite(1), 3, 2, 6);
        assertPoint(pose.position(2), 1, 2, 2);
        assertPoint(pose.endSite(2), 4, 2, 2);
    }

    @Test
    void cmuRestPoseHasTheLeftLegOnPlusXAndTheHeadAboveTheHips() throws Exception {
        BvhMotion motion = BvhParser.parse(BvhTestFiles.cmu());
        BvhSkeletonPose pose = ForwardKinematics.solve(motion, 0);
        int hips = motion.jointIndex("Hips").orElseThrow();
        int head = motion.jointIndex("Head").orElseThrow();
        int leftUpLeg = motion.jointIndex("LeftUpLeg").orElseThrow();
        // frame 0 of 01_01: root at (9.3722, 17.8693, -17.3198) with zero rotation, hips offset 0
        assertPoint(pose.position(hips), 9.3722, 17.8693, -17.3198);
        // LeftUpLeg = Hips + LHipJoint (0) + (1.36306, -1.79463, 0.83929) when LHipJoint is not rotated
        assertThat(pose.position(leftUpLeg).x()).isGreaterThan(pose.position(hips).x());
        // the spine is unrotated at frame 0: Spine + Spine1 + Neck1 + Head offsets in Y
        assertThat(pose.position(head).y() - pose.position(hips).y())
                .isCloseTo(2.03559 + 2.04885 + 1.74624 + 1.76136, within(1e-9));
    }

    private static void assertPoint(Vec3 p, double x, double y, double z) {
        assertThat(p.x()).isCloseTo(x, within(1e-9));
        assertThat(p.y()).isCloseTo(y, within(1e-9));
        assertThat(p.z()).isCloseTo(z, within(1e-9));
    }
}
