package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.fvstudio.export.VideoReadback;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fvstudio render --mp4} on (a copy of) the bundled sample project with the bundled pack, 2 frames at 2 steps. */
class RenderMp4Test {

    @TempDir
    Path tmp;

    @Test
    void writesTheGeneratedFramesAsH264ThatDecodesLikeThePngs() throws Exception {
        Path project = copySample();
        Path out = tmp.resolve("out");
        Path video = tmp.resolve("sample.mp4");
        String log = runCapturingStderr(0, project.toString(), "--frames", "10-11", "--steps", "2", "--device", "cpu",
                "--out", out.toString(), "--mp4", video.toString(), "--quality", "high");
        assertThat(log).contains("encoding sample.mp4  frame 2/2").contains("wrote " + video);

        RgbImage png = PngImages.read(out.resolve("frame_00011.png"));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            assertThat(grabber.getLengthInVideoFrames()).isEqualTo(2);
            assertThat(grabber.getImageWidth()).isEqualTo(png.width() + png.width() % 2);
            assertThat(grabber.getImageHeight()).isEqualTo(png.height() + png.height() % 2);
            assertThat(grabber.getFrameRate()).isCloseTo(24.0, offset(0.01));
            assertThat(grabber.getVideoCodecName()).isIn("h264", "libopenh264", "libx264");
        }
        VideoReadback.Video read = VideoReadback.read(video);
        assertThat(read.frames()).hasSize(2);
        assertThat(VideoReadback.psnr(read.frames().get(1), png, png.width(), png.height())).isGreaterThanOrEqualTo(30);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Sample.fvs", "out", "sample.mp4");
        }
    }

    @Test
    void reviewVideoComposesSkeletonFrameAndEveryHeatmap() throws Exception {
        Path project = copySample();
        Path video = tmp.resolve("review.mp4");
        runCapturingStderr(0, project.toString(), "--frames", "0-1", "--steps", "2", "--device", "cpu",
                "--mp4", video.toString(), "--review", "--quality", "draft");
        VideoReadback.Video read = VideoReadback.read(video);
        assertThat(read.frames()).hasSize(2);
        assertThat(read.reportedFrames()).isEqualTo(2);
        assertThat(read.fps()).isCloseTo(24.0, offset(0.01));
        // target | generated | 3 references, every panel scaled to the generated frame's height
        assertThat(read.width()).isGreaterThanOrEqualTo(5 * read.height() / 2).isEven();
        assertThat(Files.exists(tmp.resolve("out"))).isFalse();
    }

    @Test
    void badQualityAndMissingOutputAreClearErrors() throws Exception {
        Path project = copySample();
        String log = runCapturingStderr(2, project.toString(), "--mp4", tmp.resolve("a.mp4").toString(), "--quality", "ultra");
        assertThat(log).contains("--quality must be draft, standard or high, got 'ultra'");
        log = runCapturingStderr(2, project.toString(), "--frames", "0");
        assertThat(log).contains("say where to write: --out DIR, --mp4 FILE or both");
        log = runCapturingStderr(2, project.toString(), "--mp4", tmp.resolve("no/such/dir/a.mp4").toString());
        assertThat(log).contains("the folder").contains("does not exist");
        assertThat(Files.exists(tmp.resolve("a.mp4"))).isFalse();
    }

    private static String runCapturingStderr(int expectedExit, String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int rc;
        try {
            rc = new CommandLine(new RenderCommand()).execute(args);
        } finally {
            System.setErr(saved);
        }
        assertThat(rc).as("exit status; stderr:%n%s", err).isEqualTo(expectedExit);
        return err.toString();
    }

    private Path copySample() throws IOException {
        Path sample = Path.of(System.getProperty("user.dir")).resolve("../assets/sample/Sample.fvs").normalize();
        Path copy = tmp.resolve("Sample.fvs");
        try (Stream<Path> walk = Files.walk(sample)) {
            for (Path source : walk.toList()) {
                Path target = copy.resolve(sample.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }
}
