package org.fvstudio.media;

import org.fvstudio.pose.render.RgbImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFrameReaderTest {

    /** VP9 in MP4: 1080x1920, 60 fps, 100 frames. */
    private static final Path VP9_VIDEO = Path.of("src/test/resources/media/pose2sim_cam02.mp4");

    @Test
    void readsEveryFrameWithSizeRateAndTimestamps() throws Exception {
        List<VideoFrame> frames = new ArrayList<>();
        try (VideoFrameReader reader = VideoFrameReader.open(VP9_VIDEO)) {
            assertThat(reader.width()).isEqualTo(1080);
            assertThat(reader.height()).isEqualTo(1920);
            assertThat(reader.frameRate()).isCloseTo(60.0, within(0.01));
            assertThat(reader.reportedFrameCount()).isEqualTo(100);
            reader.forEachRemaining(frames::add);
        }
        assertThat(frames).hasSize(100);
        for (int i = 0; i < frames.size(); i++) {
            VideoFrame frame = frames.get(i);
            assertThat(frame.index()).isEqualTo(i);
            assertThat(frame.image().width()).isEqualTo(1080);
            assertThat(frame.image().height()).isEqualTo(1920);
            assertThat(frame.timestampSeconds() - frames.get(0).timestampSeconds()).isCloseTo(i / 60.0, within(0.002));
        }
    }

    @Test
    void pixelsAgreeWithAnIndependentDecoder() throws Exception {
        // Mean R, G, B of frames 0 and 50 as decoded by OpenCV's own FFmpeg (python3-opencv, cv2.VideoCapture).
        double[][] opencvMeans = {{106.301, 110.396, 110.969}, {105.785, 110.132, 109.471}};
        try (VideoFrameReader reader = VideoFrameReader.open(VP9_VIDEO, 50)) {
            for (double[] expected : opencvMeans) {
                double[] mean = meanRgb(reader.nextFrame().image());
                for (int c = 0; c < 3; c++) {
                    assertThat(mean[c]).isCloseTo(expected[c], within(1.5));
                }
            }
            assertThat(reader.nextFrame()).isNull();
        }
    }

    @Test
    void strideDeliversEverySthFrameWithTheSamePixels() throws Exception {
        byte[] frame3;
        try (VideoFrameReader all = VideoFrameReader.open(VP9_VIDEO)) {
            all.nextFrame();
            all.nextFrame();
            all.nextFrame();
            frame3 = all.nextFrame().image().toRgbBytes();
        }
        List<Integer> indices = new ArrayList<>();
        try (VideoFrameReader strided = VideoFrameReader.open(VP9_VIDEO, 3)) {
            assertThat(strided.expectedDeliveredCount()).isEqualTo(34);
            VideoFrame frame;
            while ((frame = strided.nextFrame()) != null) {
                indices.add(frame.index());
                if (frame.index() == 3) {
                    assertThat(frame.image().toRgbBytes()).isEqualTo(frame3);
                }
            }
        }
        assertThat(indices).hasSize(34).startsWith(0, 3, 6).endsWith(99);
    }

    @Test
    void missingAndNonVideoFilesAreNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("gone.mp4");
        assertThatThrownBy(() -> VideoFrameReader.open(missing))
                .isInstanceOf(MediaException.class).hasMessage(missing + ": video file not found");
        Path text = dir.resolve("notes.mp4");
        Files.writeString(text, "this is not a video at all, just words");
        assertThatThrownBy(() -> VideoFrameReader.open(text))
                .isInstanceOf(MediaException.class).hasMessageStartingWith(text + ": ");
        assertThatThrownBy(() -> VideoFrameReader.open(VP9_VIDEO, 0)).hasMessageContaining("stride");
    }

    private static double[] meanRgb(RgbImage image) {
        double[] sum = new double[3];
        byte[] rgb = image.toRgbBytes();
        for (int i = 0; i < rgb.length; i++) {
            sum[i % 3] += rgb[i] & 0xff;
        }
        double n = (double) image.width() * image.height();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }
}
