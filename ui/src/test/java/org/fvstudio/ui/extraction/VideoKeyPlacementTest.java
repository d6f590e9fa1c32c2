package org.fvstudio.ui.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.inference.dwpose.VideoPoses;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.ui.extraction.VideoKeyPlacement.ExtractedTarget;
import org.junit.jupiter.api.Test;

/** The timing rule (same time in seconds, nearest frame wins a collision) and the canvas fit of extracted poses. */
class VideoKeyPlacementTest {

    /** One person whose every point sits at (frame, 2 * frame) in a w x h picture, so a key tells where it came from. */
    private static Pose marked(int frame, int width, int height) {
        List<Keypoint> points = new ArrayList<>();
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            points.add(new Keypoint(frame, 2 * frame, 0.9));
        }
        return new Pose(width, height, List.of(PersonPose.of(points)));
    }

    private static VideoPoses video(double fps, int width, int height, int... frames) {
        List<Pose> poses = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int frame : frames) {
            poses.add(marked(frame, width, height));
            numbers.add(frame);
        }
        return new VideoPoses(poses, numbers, fps);
    }

    private static int sourceOf(PoseKeyframe key) {
        return (int) Math.round(key.pose().x(0));
    }

    @Test
    void sixtyToTwentyFourKeepsTheVideoFrameNearestInTimeToEachProjectFrame() {
        ExtractedTarget target = VideoKeyPlacement.place(video(60, 512, 512, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 24, 512, 512);

        List<PoseKeyframe> keys = target.track().people().get(0).keyframes();
        // Project frame p is at p/24 s: 0 <- 0 (0 s); 1 <- 2 or 3 (both 1/120 s off: the earlier wins);
        // 2 <- 5 (exactly 5/60 s, not 4 or 6); 3 <- 7 or 8 (a tie again: 7); 4 <- 9 (the only one left).
        assertThat(keys).extracting(PoseKeyframe::frame).containsExactly(0, 1, 2, 3, 4);
        assertThat(keys).extracting(VideoKeyPlacementTest::sourceOf).containsExactly(0, 2, 5, 7, 9);
        assertThat(target.keys()).isEqualTo(5);
        assertThat(target.videoFrames()).isEqualTo(10);
        assertThat(target.framesNeeded()).isEqualTo(5);
    }

    @Test
    void aSlowerVideoSpreadsItsKeysOut() {
        ExtractedTarget target = VideoKeyPlacement.place(video(12, 512, 512, 0, 3, 6, 9), 30, 512, 512);
        assertThat(target.track().people().get(0).keyframes()).extracting(PoseKeyframe::frame)
                .containsExactly(0, 8, 15, 23);   // 7.5 rounds up, 22.5 rounds up
        assertThat(target.framesNeeded()).isEqualTo(24);
    }

    @Test
    void theSameRateOrAnUnknownRateKeepsTheFrameNumbers() {
        assertThat(VideoKeyPlacement.place(video(24, 512, 512, 0, 5, 10), 24, 512, 512).track().people().get(0)
                .keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 5, 10);
        ExtractedTarget unknown = VideoKeyPlacement.place(video(0, 512, 512, 0, 5, 10), 24, 512, 512);
        assertThat(unknown.track().people().get(0).keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 5, 10);
        assertThat(unknown.framesNeeded()).isEqualTo(11);
    }

    @Test
    void posesAreLetterboxedOntoTheProjectCanvasLikeAnImportedSequence() {
        ExtractedTarget target = VideoKeyPlacement.place(video(30, 1088, 1920, 40), 30, 512, 512);

        PersonPose person = target.track().people().get(0).keyframes().get(0).pose();
        double scale = 512.0 / 1920;
        assertThat(person.x(5)).isCloseTo(40 * scale + (512 - 1088 * scale) / 2, within(1e-9));
        assertThat(person.y(5)).isCloseTo(80 * scale, within(1e-9));
        assertThat(person.confidence(5)).isEqualTo(0.9);
        assertThat(target.sourceWidth()).isEqualTo(1088);
        assertThat(target.sourceHeight()).isEqualTo(1920);
    }

    @Test
    void aVideoWithoutFramesIsRefused() {
        assertThatThrownBy(() -> VideoKeyPlacement.place(new VideoPoses(List.of(), List.of(), 30), 24, 512, 512))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no frames");
    }
}
