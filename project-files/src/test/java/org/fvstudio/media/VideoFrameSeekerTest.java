package org.fvstudio.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random access against the frames of a sequential decode of the same file. */
class VideoFrameSeekerTest {

    /** H.264, 1088x1920, 60 fps, 100 frames (BSD-3, LICENSE-pose2sim beside it); shared with the inference tests. */
    static final Path H264_VIDEO = Path.of("..", "inference", "src", "test", "resources", "video", "pose2sim_cam03.mp4");
    private static final Path VP9_VIDEO = Path.of("src/test/resources/media/pose2sim_cam02.mp4");

    private static final List<RgbImage> SEQUENTIAL = new ArrayList<>();

    @BeforeAll
    static void decodeEverything() throws Exception {
        try (VideoFrameReader reader = VideoFrameReader.open(H264_VIDEO)) {
            reader.forEachRemaining(f -> SEQUENTIAL.add(BoxShrink.shrink(f.image(), 4)));
        }
        assertThat(SEQUENTIAL).hasSize(100);
    }

    @Test
    void framesInAnyOrderEqualTheSequentialDecode() throws Exception {
        int[] order = {0, 1, 2, 50, 51, 63, 37, 99, 98, 10, 0, 75, 76, 88};
        try (VideoFrameSeeker seeker = VideoFrameSeeker.open(H264_VIDEO)) {
            assertThat(seeker.frameCount()).isEqualTo(100);
            assertThat(seeker.frameRate()).isEqualTo(60.0);
            for (int index : order) {
                RgbImage frame = BoxShrink.shrink(seeker.frame(index), 4);
                assertThat(meanAbsoluteDifference(frame, SEQUENTIAL.get(index)))
                        .as("frame %d", index).isLessThan(0.5);
                if (index > 0) {
                    // Neighbouring frames differ by more than the tolerance: the test can tell them apart.
                    assertThat(meanAbsoluteDifference(frame, SEQUENTIAL.get(index - 1))).isGreaterThan(0.5);
                }
            }
        }
    }

    @Test
    void requestsPastTheEndGiveTheLastFrame() throws Exception {
        try (VideoFrameSeeker seeker = VideoFrameSeeker.open(H264_VIDEO)) {
            assertThat(meanAbsoluteDifference(BoxShrink.shrink(seeker.frame(400), 4), SEQUENTIAL.get(99))).isLessThan(0.5);
            assertThat(meanAbsoluteDifference(BoxShrink.shrink(seeker.frame(-3), 4), SEQUENTIAL.get(0))).isLessThan(0.5);
        }
    }

    @Test
    void worksForVp9Too() throws Exception {
        RgbImage sequential;
        try (VideoFrameReader reader = VideoFrameReader.open(VP9_VIDEO, 70)) {
            reader.nextFrame();
            sequential = reader.nextFrame().image();
        }
        try (VideoFrameSeeker seeker = VideoFrameSeeker.open(VP9_VIDEO)) {
            assertThat(meanAbsoluteDifference(seeker.frame(70), sequential)).isLessThan(0.5);
        }
    }

    @Test
    void missingAndNonVideoFilesAreNamed(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("gone.mp4");
        assertThatThrownBy(() -> VideoFrameSeeker.open(missing)).isInstanceOf(MediaException.class)
                .hasMessageContaining("gone.mp4").hasMessageContaining("video file not found");
        Path text = java.nio.file.Files.writeString(temp.resolve("notes.mp4"), "not a video");
        assertThatThrownBy(() -> VideoFrameSeeker.open(text)).isInstanceOf(MediaException.class)
                .hasMessageContaining("notes.mp4").hasMessageContaining("not a readable video");
    }

    @Test
    void shrinkingAveragesBlocks() {
        byte[] rgb = new byte[3 * 4 * 2];
        for (int i = 0; i < 4 * 2; i++) {
            rgb[3 * i] = (byte) (i * 10);
            rgb[3 * i + 1] = (byte) 200;
            rgb[3 * i + 2] = (byte) (i % 2 == 0 ? 0 : 255);
        }
        RgbImage shrunk = BoxShrink.shrink(RgbImage.ofRgbBytes(4, 2, rgb), 2);
        assertThat(shrunk.width()).isEqualTo(2);
        assertThat(shrunk.height()).isEqualTo(1);
        // left block: pixels 0, 1, 4, 5 -> red (0 + 10 + 40 + 50) / 4 = 25, blue (0 + 255 + 0 + 255) / 4 = 127.5 -> 128
        assertThat(shrunk.red(0, 0)).isEqualTo(25);
        assertThat(shrunk.green(0, 0)).isEqualTo(200);
        assertThat(shrunk.blue(0, 0)).isEqualTo(128);
        assertThat(shrunk.red(1, 0)).isEqualTo(45);
    }

    static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        byte[] x = a.toRgbBytes();
        byte[] y = b.toRgbBytes();
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return sum / (double) x.length;
    }
}
