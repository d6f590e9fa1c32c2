package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fvstudio.pose.render.RgbImage;

/** Runs against whichever FFmpeg natives the build selected: LGPL (openh264) by default, x264 with -Pgpl. */
class H264EncoderTest {

    @TempDir
    static Path work;

    static List<RgbImage> frames;

    @TempDir
    Path out;

    @BeforeAll
    static void load() throws IOException {
        frames = TestVideos.pose2simFrames(work).subList(0, 30);
    }

    @Test
    void prefersX264WhenTheNativesHaveIt() throws ExportException {
        H264Encoder best = H264Encoder.best();
        System.out.println("H.264 encoders available: " + Arrays.stream(H264Encoder.values())
                .filter(H264Encoder::isAvailable).map(H264Encoder::codecName).toList() + ", using " + best.codecName());
        assertThat(best.isAvailable()).isTrue();
        if (H264Encoder.X264.isAvailable()) {
            assertThat(best).isEqualTo(H264Encoder.X264);
        } else {
            assertThat(best).isEqualTo(H264Encoder.OPENH264);
        }
    }

    @Test
    void everyAvailableEncoderWritesDecodableH264AndHigherQualityCostsMoreBytes() throws Exception {
        for (H264Encoder encoder : H264Encoder.values()) {
            if (!encoder.isAvailable()) {
                continue;
            }
            Path draft = out.resolve(encoder + "-draft.mp4");
            Path high = out.resolve(encoder + "-high.mp4");
            ExportResult draftResult = new Mp4Exporter(new VideoSettings(30, VideoQuality.DRAFT, encoder))
                    .export(FrameSource.of(frames), draft, ExportMonitor.NONE);
            new Mp4Exporter(new VideoSettings(30, VideoQuality.HIGH, encoder))
                    .export(FrameSource.of(frames), high, ExportMonitor.NONE);

            assertThat(draftResult.encoder()).isEqualTo(encoder.codecName());
            assertThat(Files.size(high)).as(encoder + " high vs draft").isGreaterThan(Files.size(draft));
            TestVideos.Decoded decoded = TestVideos.decode(high);
            assertThat(decoded.codec()).isEqualTo("h264");
            assertThat(decoded.frames()).hasSize(30);
            assertThat(TestVideos.psnr(decoded.frames().get(15), frames.get(15), 136, 240))
                    .as(encoder + " high quality PSNR").isGreaterThan(33.0);
        }
    }

    @Test
    void anEncoderMissingFromTheNativesIsReportedByName() {
        H264Encoder missing = Arrays.stream(H264Encoder.values()).filter(e -> !e.isAvailable()).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(missing != null, "every H.264 encoder is present in these natives");
        Path target = out.resolve("x.mp4");

        assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(24).withEncoder(missing))
                .export(FrameSource.of(frames), target, ExportMonitor.NONE))
                .isInstanceOf(ExportException.class).hasMessageContaining(missing.codecName());
        assertThat(Files.exists(target)).isFalse();
    }
}
