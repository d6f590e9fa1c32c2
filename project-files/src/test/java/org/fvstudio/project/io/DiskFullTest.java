package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.fvstudio.cache.CacheException;
import org.fvstudio.cache.RenderCache;
import org.fvstudio.cache.RenderedFrame;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.PngSequenceExporter;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving, rendering (the render cache) and exporting (a PNG sequence; the MP4 exporter's check of what it wrote is
 * issue 20 item 1) into a nearly full file system: each fails with a message
 * that says the disk is full and names what was being written, the previous files stay as they were, and no
 * temporary file is left behind. On a real 16 MB tmpfs where one can be mounted, and with a writer that runs out
 * of space midway everywhere.
 */
class DiskFullTest {

    @TempDir
    Path work;

    @Test
    void savingRenderingAndExportingIntoAFullTmpfsFailClearlyAndKeepThePreviousFiles() throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(work.resolve("disk"), 16 * 1024)) {
            Path bundleDir = disk.root().resolve("Full.fvs");
            ProjectBundle bundle = SaveLoop.create(bundleDir, SaveLoop.project(1));
            RenderCache cache = RenderCache.open(bundle.cacheDir(), Long.MAX_VALUE);
            cache.put(1, SaveLoop.cacheKey(1), SaveLoop.frame(1));
            Path pngs = SaveLoop.pngFolder(bundleDir);
            new PngSequenceExporter("frame_").export(FrameSource.still(SaveLoop.picture(1, 32), 3), pngs, ExportMonitor.NONE);
            byte[] projectBefore = Files.readAllBytes(bundle.projectFile());
            Path pngsBefore = Files.createDirectories(work.resolve("frames-before"));
            Files.copy(pngs.resolve("frame__00000.png"), pngsBefore.resolve("frame__00000.png"));
            List<String> before = listing(disk.root());

            disk.fillLeaving(16 * 1024);

            Throwable save = catchThrowable(() -> bundle.save(SaveLoop.project(2)));
            assertThat(save).isInstanceOf(IOException.class);
            assertThat(save.getMessage()).isEqualTo("Cannot save Full.fvs: the disk is full (writing " + bundle.projectFile() + ")");
            assertThat(Files.readAllBytes(bundle.projectFile())).isEqualTo(projectBefore);
            assertThat(ProjectBundle.open(bundleDir).project()).isEqualTo(SaveLoop.project(1));

            Throwable render = catchThrowable(() -> cache.put(2, SaveLoop.cacheKey(2), noise(2, 512)));
            assertThat(render).isInstanceOf(CacheException.class);
            assertThat(render.getMessage()).startsWith("Cannot store frame " + SaveLoop.cacheKey(2) + " in the render cache ")
                    .endsWith(": the disk is full");
            try (RenderCache reopened = RenderCache.open(bundle.cacheDir(), Long.MAX_VALUE)) {
                assertThat(reopened.get(1)).contains(SaveLoop.frame(1));
            }

            Throwable sequence = catchThrowable(() -> new PngSequenceExporter("frame_").export(
                    FrameSource.of(List.of(noise(7, 256).image(), noise(8, 256).image())), pngs, ExportMonitor.NONE));
            assertThat(sequence).isInstanceOf(ExportException.class);
            assertThat(sequence.getMessage()).isEqualTo("Cannot write export to " + pngs.resolve("frame__00000.png") + ": the disk is full");
            assertThat(pngs.resolve("frame__00000.png")).hasSameBinaryContentAs(pngsBefore.resolve("frame__00000.png"));

            Files.delete(disk.root().resolve("filler.bin"));
            assertThat(listing(disk.root())).as("no temporary files left behind").isEqualTo(before);
        }
    }

    @Test
    void aSaveThatRunsOutOfSpaceMidwaySaysSoAndKeepsThePreviousProject() throws Exception {
        Path dir = work.resolve("Midway.fvs");
        Project first = SaveLoop.project(1);
        SaveLoop.create(dir, first);
        byte[] before = Files.readAllBytes(dir.resolve(ProjectBundle.PROJECT_FILE));
        AtomicFileWriter full = new AtomicFileWriter(out -> new NoSpaceAfter(out, 64 * 1024));
        ProjectBundle bundle = ProjectBundle.open(dir, full);

        Throwable save = catchThrowable(() -> bundle.save(SaveLoop.project(2)));

        assertThat(save).isInstanceOf(IOException.class);
        assertThat(save.getMessage()).isEqualTo("Cannot save Midway.fvs: the disk is full (writing "
                + dir.toAbsolutePath().resolve(ProjectBundle.PROJECT_FILE) + ")");
        assertThat(Files.readAllBytes(dir.resolve(ProjectBundle.PROJECT_FILE))).isEqualTo(before);
        assertThat(ProjectBundle.open(dir).project()).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("project.json", "project.json.bak", "references", "cache");
        }
    }

    private static RenderedFrame noise(int seed, int side) {
        byte[] rgb = new byte[side * side * 3];
        new Random(seed).nextBytes(rgb);
        return new RenderedFrame(RgbImage.ofRgbBytes(side, side, rgb), List.of(), List.of(), "{}", "{}");
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.filter(p -> !p.getFileName().toString().equals("filler.bin"))
                    .map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + size(p) : "")).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** What a full disk does to a write: the first {@code room} bytes go through, then ENOSPC. */
    private static final class NoSpaceAfter extends OutputStream {
        private final OutputStream out;
        private long room;

        NoSpaceAfter(OutputStream out, long room) {
            this.out = out;
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            if (room-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
