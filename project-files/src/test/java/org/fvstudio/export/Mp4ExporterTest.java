package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fvstudio.pose.render.RgbImage;

class Mp4ExporterTest {

    @TempDir
    static Path shared;

    static List<RgbImage> frames;

    @TempDir
    Path out;

    @BeforeAll
    static void decodeClip() throws IOException {
        frames = TestVideos.pose2simFrames(shared);
        assertThat(frames).hasSize(50);
        assertThat(frames.get(0).width()).isEqualTo(136);
        assertThat(frames.get(0).height()).isEqualTo(240);
    }

    @Test
    void exportsRealFramesAsH264ThatDecodesBackToTheSource() throws Exception {
        Path target = out.resolve("take.mp4");
        AtomicInteger lastProgress = new AtomicInteger();
        ExportMonitor monitor = new ExportMonitor() {
            @Override
            public void progress(int done, int total) {
                assertThat(total).isEqualTo(50);
                assertThat(done).isEqualTo(lastProgress.get() + 1);
                lastProgress.set(done);
            }
        };

        ExportResult result = new Mp4Exporter(VideoSettings.of(30)).export(FrameSource.of(frames), target, monitor);

        assertThat(lastProgress.get()).isEqualTo(50);
        assertThat(result.encoder()).isEqualTo(H264Encoder.best().codecName());
        assertThat(result.frames()).isEqualTo(50);
        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(decoded.codec()).isEqualTo("h264");
        assertThat(decoded.frames()).hasSize(50);
        assertThat(decoded.width()).isEqualTo(136);
        assertThat(decoded.height()).isEqualTo(240);
        assertThat(decoded.fps()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.01));
        for (int i : new int[] {0, 25, 49}) {
            assertThat(TestVideos.psnr(decoded.frames().get(i), frames.get(i), 136, 240))
                    .as("PSNR of frame %d", i).isGreaterThanOrEqualTo(30.0);
        }
        assertThat(filesIn(out)).containsExactly("take.mp4");
    }

    @Test
    void movesTheIndexToTheFrontForStreaming() throws Exception {
        Path target = out.resolve("fast.mp4");
        new Mp4Exporter(VideoSettings.of(24)).export(FrameSource.of(frames.subList(0, 12)), target, ExportMonitor.NONE);

        String head = new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1);
        assertThat(head.indexOf("moov")).isPositive().isLessThan(head.indexOf("mdat"));
        assertThat(TestVideos.decode(target).fps()).isCloseTo(24.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void keepsAnNtscFrameRate() throws Exception {
        Path target = out.resolve("ntsc.mp4");
        new Mp4Exporter(VideoSettings.of(30000.0 / 1001)).export(FrameSource.of(frames.subList(0, 15)), target,
                ExportMonitor.NONE);

        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(decoded.fps()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
        assertThat(decoded.frames()).hasSize(15);
    }

    @Test
    void padsOddSizesToEvenWithoutCroppingThePicture() throws Exception {
        List<RgbImage> odd = frames.subList(0, 10).stream().map(f -> Images.crop(f, 0, 0, 135, 239)).toList();
        Path target = out.resolve("odd.mp4");

        ExportResult result = new Mp4Exporter(VideoSettings.of(30)).export(FrameSource.of(odd), target, ExportMonitor.NONE);

        assertThat(result.width()).isEqualTo(136);
        assertThat(result.height()).isEqualTo(240);
        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(decoded.width()).isEqualTo(136);
        assertThat(decoded.height()).isEqualTo(240);
        assertThat(decoded.frames()).hasSize(10);
        assertThat(TestVideos.psnr(decoded.frames().get(5), odd.get(5), 135, 239)).isGreaterThanOrEqualTo(30.0);
    }

    @Test
    void cancelLeavesNoFileAndKeepsAnEarlierExport() throws Exception {
        Path target = out.resolve("cancelled.mp4");
        Files.writeString(target, "earlier export");
        ExportMonitor cancelAfterTen = new ExportMonitor() {
            int done;

            @Override
            public void progress(int d, int total) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done >= 10;
            }
        };

        assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(30))
                .export(FrameSource.of(frames), target, cancelAfterTen))
                .isInstanceOf(ExportCancelledException.class)
                .hasMessageContaining(target.toString())
                .satisfies(e -> assertThat(((ExportCancelledException) e).framesDone()).isEqualTo(10));

        assertThat(filesIn(out)).containsExactly("cancelled.mp4");
        assertThat(Files.readString(target)).isEqualTo("earlier export");
    }

    @Test
    void aFailingSourceLeavesNoFile() throws IOException {
        Path target = out.resolve("failed.mp4");
        FrameSource failing = new FrameSource() {
            @Override
            public int frameCount() {
                return 20;
            }

            @Override
            public int width() {
                return 136;
            }

            @Override
            public int height() {
                return 240;
            }

            @Override
            public RgbImage frame(int index) throws ExportException {
                if (index == 7) {
                    throw new ExportException(null, "frame 7 is not rendered yet");
                }
                return frames.get(index);
            }
        };

        assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(30)).export(failing, target, ExportMonitor.NONE))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("frame 7");
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void aMissingFolderIsReportedWithThePath() {
        Path target = out.resolve("no-such-folder").resolve("take.mp4");

        assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(30))
                .export(FrameSource.of(frames.subList(0, 2)), target, ExportMonitor.NONE))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFileInPlaceOfTheFolderIsReportedWithThePath() throws IOException {
        Path notAFolder = Files.writeString(out.resolve("plain.txt"), "x");
        Path target = notAFolder.resolve("take.mp4");

        assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(30))
                .export(FrameSource.of(frames.subList(0, 2)), target, ExportMonitor.NONE))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining(target.toString());
    }

    @Test
    void aReadOnlyFolderIsReportedWithThePath() throws IOException {
        Path locked = Files.createDirectory(out.resolve("locked"));
        Path target = locked.resolve("take.mp4");
        Unwritable.makeReadOnly(locked);
        try {
            assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(30))
                    .export(FrameSource.of(frames.subList(0, 2)), target, ExportMonitor.NONE))
                    .isInstanceOf(ExportException.class)
                    .hasMessageContaining(target.toString())
                    .hasMessageContaining("permission denied");
            assertThat(Files.exists(target)).isFalse();
        } finally {
            Unwritable.restore(locked);
        }
    }

    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
