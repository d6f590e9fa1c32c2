package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;

class PngSequenceExporterTest {

    @TempDir
    static Path work;

    @TempDir
    Path out;

    static List<RgbImage> frames;

    @BeforeAll
    static void load() throws IOException {
        frames = TestVideos.pose2simFrames(work).subList(0, 12);
    }

    @Test
    void writesNumberedLosslessFrames() throws Exception {
        Path folder = out.resolve("frames");

        ExportResult result = new PngSequenceExporter("shot").export(FrameSource.of(frames), folder, ExportMonitor.NONE);

        assertThat(result.frames()).isEqualTo(12);
        assertThat(Mp4ExporterTest.filesIn(folder)).hasSize(12).first().isEqualTo("shot_00000.png");
        assertThat(Images.samePixels(PngImages.read(folder.resolve("shot_00011.png")), frames.get(11))).isTrue();
        assertThat(Mp4ExporterTest.filesIn(out)).containsExactly("frames");
    }

    @Test
    void replacesFramesInAnExistingFolderAndKeepsOtherFiles() throws Exception {
        Path folder = Files.createDirectory(out.resolve("frames"));
        Files.writeString(folder.resolve("notes.txt"), "keep me");
        Files.writeString(folder.resolve("shot_00000.png"), "old");

        new PngSequenceExporter("shot").export(FrameSource.of(frames.subList(0, 3)), folder, ExportMonitor.NONE);

        assertThat(Mp4ExporterTest.filesIn(folder))
                .containsExactly("notes.txt", "shot_00000.png", "shot_00001.png", "shot_00002.png");
        assertThat(Images.samePixels(PngImages.read(folder.resolve("shot_00000.png")), frames.get(0))).isTrue();
    }

    @Test
    void cancelLeavesTheFolderUntouched() throws Exception {
        Path folder = Files.createDirectory(out.resolve("frames"));
        Files.writeString(folder.resolve("notes.txt"), "keep me");
        ExportMonitor cancelAtFive = new ExportMonitor() {
            int done;

            @Override
            public void progress(int d, int total) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done == 5;
            }
        };

        assertThatThrownBy(() -> new PngSequenceExporter("shot").export(FrameSource.of(frames), folder, cancelAtFive))
                .isInstanceOf(ExportCancelledException.class);

        assertThat(Mp4ExporterTest.filesIn(folder)).containsExactly("notes.txt");
        assertThat(Mp4ExporterTest.filesIn(out)).containsExactly("frames");
    }

    @Test
    void aTargetThatIsAFileIsReported() throws IOException {
        Path file = Files.writeString(out.resolve("frames"), "x");

        assertThatThrownBy(() -> new PngSequenceExporter("shot").export(FrameSource.of(frames), file, ExportMonitor.NONE))
                .isInstanceOf(ExportException.class).hasMessageContaining(file.toString()).hasMessageContaining("not a folder");
    }
}
