package org.fvstudio.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;

class KeyframeReducerTest {

    @Test
    void reducedPose2SimTrackStaysWithinToleranceOfEveryOriginalFrame() throws Exception {
        List<Pose> frames = Pose2SimTestSequence.cam03();
        PersonTrack original = PoseTrack.fromFrames(frames, Interpolation.LINEAR).people().get(0);
        assertThat(original.keyframes()).hasSize(100);

        // raw OpenPose on a 1920-pixel frame jitters about 2.6 px from frame to frame (median), so 1.5 px
        // keeps nearly every key; the guarantee must hold at every tolerance all the same
        for (double tolerance : new double[] {1.5, 6.0, 12.0}) {
            PersonTrack reduced = KeyframeReducer.reduce(original, tolerance);
            assertThat(reduced.keyframes().size()).as("keys at %.1f px", tolerance).isLessThanOrEqualTo(100);
            assertThat(reduced.keyframes().get(0).frame()).isZero();
            assertThat(reduced.keyframes().get(reduced.keyframes().size() - 1).frame()).isEqualTo(99);
            // the property itself, checked by re-sampling every frame independently of the reducer
            for (PoseKeyframe key : original.keyframes()) {
                PersonPose want = key.pose();
                PersonPose got = reduced.sample(key.frame()).orElseThrow();
                for (int k = 0; k < PersonPose.KEYPOINT_COUNT; k++) {
                    assertThat(got.confidence(k) > 0).as("presence of point %d at frame %d", k, key.frame())
                            .isEqualTo(want.confidence(k) > 0);
                    if (want.confidence(k) > 0) {
                        double d = Math.hypot(got.x(k) - want.x(k), got.y(k) - want.y(k));
                        assertThat(d).as("point %d at frame %d", k, key.frame()).isLessThanOrEqualTo(tolerance + 1e-9);
                    }
                }
            }
            assertThat(KeyframeReducer.maxDeviation(original, reduced)).isLessThanOrEqualTo(tolerance + 1e-9);
            System.out.printf("Pose2Sim cam03: %d keys -> %d keys at %.1f px%n", 100, reduced.keyframes().size(), tolerance);
        }
        assertThat(KeyframeReducer.reduce(original, 6.0).keyframes().size()).isLessThan(90);
        assertThat(KeyframeReducer.reduce(original, 12.0).keyframes().size())
                .isLessThan(KeyframeReducer.reduce(original, 6.0).keyframes().size());
    }

    @Test
    void smoothMotionCaptureLosesAQuarterOfItsKeysAtOneAndAHalfPixels() throws Exception {
        var builder = new org.fvstudio.motion.bvh.BvhPoseTrackBuilder(org.fvstudio.motion.bvh.BvhParser.parse(
                java.nio.file.Path.of(getClass().getResource("/bvh/cmu_01_01.bvh").toURI())));
        OrbitCameraTrack camera = builder.followCamera(512, 512, 24, 24);
        PersonTrack original = builder.build(24, builder.frameCountAt(24), camera, 512, 512).people().get(0);
        PersonTrack reduced = KeyframeReducer.reduce(original, 1.5);
        System.out.printf("CMU 01_01 at 24 fps: %d keys -> %d keys at 1.5 px%n", original.keyframes().size(), reduced.keyframes().size());
        assertThat(reduced.keyframes().size()).isLessThan(original.keyframes().size() * 3 / 4);
        assertThat(KeyframeReducer.maxDeviation(original, reduced)).isLessThanOrEqualTo(1.5);
    }

    @Test
    void straightLineMotionReducesToItsEnds() {
        List<Pose> frames = new java.util.ArrayList<>();
        for (int f = 0; f <= 50; f++) {
            frames.add(new Pose(100, 100, List.of(PersonPose.empty().with(0, new Keypoint(10 + f, 20 + 0.5 * f, 1)))));
        }
        PersonTrack reduced = KeyframeReducer.reduce(PoseTrack.fromFrames(frames, Interpolation.LINEAR).people().get(0), 0.01);
        assertThat(reduced.keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 50);
    }

    @Test
    void aPointThatDisappearsKeepsTheKeysAroundTheGap() {
        List<Pose> frames = new java.util.ArrayList<>();
        for (int f = 0; f <= 20; f++) {
            double c = f >= 8 && f <= 12 ? 0 : 1;
            frames.add(new Pose(100, 100, List.of(PersonPose.empty()
                    .with(0, new Keypoint(c > 0 ? 10 + f : 0, c > 0 ? 10 : 0, c))
                    .with(1, new Keypoint(50, 50, 1)))));
        }
        PersonTrack original = PoseTrack.fromFrames(frames, Interpolation.LINEAR).people().get(0);
        PersonTrack reduced = KeyframeReducer.reduce(original, 1.5);
        assertThat(KeyframeReducer.maxDeviation(original, reduced)).isLessThanOrEqualTo(1.5);
        for (int f = 8; f <= 12; f++) {
            assertThat(reduced.sample(f).orElseThrow().confidence(0)).as("frame %d", f).isZero();
        }
        assertThat(reduced.keyframes().size()).isLessThan(21);
    }

    @Test
    void rejectsANegativeTolerance() {
        assertThatThrownBy(() -> KeyframeReducer.reduce(PoseTrack.empty(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
