package org.fvstudio.motion.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BvhPoseTrackBuilderTest {

    private static BvhPoseTrackBuilder builder;

    @BeforeAll
    static void load() throws Exception {
        builder = new BvhPoseTrackBuilder(BvhParser.parse(BvhTestFiles.cmu()));
    }

    @Test
    void mapsTheCmuJointsByName() {
        BvhBodyMapping mapping = builder.mapping();
        assertThat(mapping.jointFor(BodyJoint.RIGHT_SHOULDER)).isEqualTo("RightArm");
        assertThat(mapping.jointFor(BodyJoint.LEFT_ELBOW)).isEqualTo("LeftForeArm");
        assertThat(mapping.jointFor(BodyJoint.RIGHT_WRIST)).isEqualTo("RightHand");
        assertThat(mapping.jointFor(BodyJoint.LEFT_HIP)).isEqualTo("LeftUpLeg");
        assertThat(mapping.jointFor(BodyJoint.RIGHT_KNEE)).isEqualTo("RightLeg");
        assertThat(mapping.jointFor(BodyJoint.LEFT_ANKLE)).isEqualTo("LeftFoot");
    }

    @Test
    void trackAt24FpsHasAKeyPerFrameWithAllBodyAndFeetPoints() {
        OrbitCameraTrack camera = builder.followCamera(512, 512, 24, 24);
        int frames = builder.frameCountAt(24);
        // 2751 intervals of 1/120 s = 22.925 s -> 551 frames at 24 fps
        assertThat(frames).isEqualTo(551);
        PoseTrack track = builder.build(24, frames, camera, 512, 512);
        assertThat(track.people()).hasSize(1);
        assertThat(track.people().get(0).keyframes()).hasSize(551);
        for (int frame : new int[] {0, 100, 275, 550}) {
            PersonPose pose = track.sample(frame, 512, 512).people().get(0);
            for (int i = 0; i < BodyPart.BODY.size() + BodyPart.FEET.size(); i++) {
                assertThat(pose.confidence(i)).as("point %d at frame %d", i, frame).isEqualTo(1.0);
                assertThat(pose.x(i)).isBetween(0.0, 512.0);
                assertThat(pose.y(i)).isBetween(0.0, 512.0);
            }
            // upright: nose above neck above hips above ankles
            assertThat(pose.y(BodyJoint.NOSE.index())).isLessThan(pose.y(BodyJoint.NECK.index()));
            assertThat(pose.y(BodyJoint.NECK.index())).isLessThan(pose.y(BodyJoint.RIGHT_HIP.index()));
            assertThat(pose.y(BodyJoint.RIGHT_HIP.index())).isLessThan(pose.y(BodyJoint.RIGHT_ANKLE.index()));
        }
    }

    @Test
    void resamplingInterpolatesMappedPositionsBetweenTheTwoNearestBvhFrames() {
        BvhMotion motion = builder.motion();
        // 25 fps: project frame 1 is at 0.04 s = BVH frame 4.8 (frame time 1/120 s, file says .0083333)
        double position = (1 / 25.0) / motion.frameTime();
        int before = (int) Math.floor(position);
        double w = position - before;
        double[] a = builder.mapping().map(ForwardKinematics.solve(motion, before));
        double[] b = builder.mapping().map(ForwardKinematics.solve(motion, before + 1));
        double[] resampled = builder.pointsAt(1 / 25.0);
        assertThat(before).isEqualTo(4);
        for (int i = 0; i < a.length; i++) {
            assertThat(resampled[i]).isCloseTo(a[i] + (b[i] - a[i]) * w, within(1e-9));
        }
        // at 24 fps project frame 10 lies within 0.002 BVH frames of frame 50
        double[] exact = builder.mapping().map(ForwardKinematics.solve(motion, 50));
        double[] at24 = builder.pointsAt(10 / 24.0);
        for (int i = 0; i < exact.length; i++) {
            assertThat(at24[i]).isCloseTo(exact[i], within(1e-2));
        }
    }

    @Test
    void orbiting180DegreesShowsTheBodyFromBehindWithLeftAndRightSwapped() {
        OrbitCameraTrack front = builder.followCamera(512, 512, 24, 24);
        OrbitCameraTrack behind = front.orbitedBy(180);
        int frames = builder.frameCountAt(24);
        // frame 0 of 01_01 faces +Z, towards the yaw-0 camera: the subject's left is on the image right
        PersonPose first = builder.poseAt(0, 24, front, 512, 512).people().get(0);
        assertThat(first.x(BodyJoint.LEFT_SHOULDER.index())).isGreaterThan(first.x(BodyJoint.RIGHT_SHOULDER.index()) + 30);
        PersonPose firstBehind = builder.poseAt(0, 24, behind, 512, 512).people().get(0);
        assertThat(firstBehind.x(BodyJoint.LEFT_SHOULDER.index())).isLessThan(firstBehind.x(BodyJoint.RIGHT_SHOULDER.index()) - 30);

        int checked = 0;
        for (int frame = 0; frame < frames; frame += 10) {
            PersonPose a = builder.poseAt(frame, 24, front, 512, 512).people().get(0);
            PersonPose b = builder.poseAt(frame, 24, behind, 512, 512).people().get(0);
            for (int[] pair : new int[][] {{5, 2}, {11, 8}, {15, 14}}) {
                double frontSide = a.x(pair[0]) - a.x(pair[1]);
                double behindSide = b.x(pair[0]) - b.x(pair[1]);
                if (Math.abs(frontSide) > 2) {
                    assertThat(Math.signum(behindSide)).as("frame %d pair %d/%d", frame, pair[0], pair[1])
                            .isEqualTo(-Math.signum(frontSide));
                    checked++;
                }
            }
            // heights agree from both sides (same elevation, mirrored view)
            assertThat(b.y(BodyJoint.NECK.index())).isCloseTo(a.y(BodyJoint.NECK.index()), within(40.0));
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void defaultCameraFramesTheWholeClip() {
        OrbitCameraTrack camera = builder.defaultCamera(640, 480);
        for (int frame = 0; frame < builder.frameCountAt(30); frame += 15) {
            PersonPose pose = builder.poseAt(frame, 30, camera, 640, 480).people().get(0);
            for (int i = 0; i < 24; i++) {
                assertThat(pose.x(i)).isBetween(0.0, 640.0);
                assertThat(pose.y(i)).isBetween(0.0, 480.0);
            }
        }
    }
}
