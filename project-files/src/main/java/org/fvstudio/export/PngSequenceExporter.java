package org.fvstudio.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.fvstudio.pose.render.PngImages;

/**
 * Writes a {@link FrameSource} as numbered PNG files ({@code prefix_00000.png}, ...) into a folder. The files
 * are written into a hidden folder beside it and moved in only when all are written, so a cancelled or failed
 * export leaves the target folder as it was.
 */
public final class PngSequenceExporter {

    private final String prefix;

    public PngSequenceExporter(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.contains("/") || prefix.contains("\\")) {
            throw new IllegalArgumentException("invalid file name prefix: " + prefix);
        }
        this.prefix = prefix;
    }

    /** The name of frame {@code index}. */
    public String fileName(int index) {
        return String.format(Locale.ROOT, "%s_%05d.png", prefix, index);
    }

    public ExportResult export(FrameSource source, Path folder, ExportMonitor monitor) throws ExportException {
        int total = source.frameCount();
        if (total <= 0) {
            throw new ExportException(folder, "Nothing to export to " + folder + ": the sequence has no frames");
        }
        long start = System.nanoTime();
        try (StagedOutput staged = StagedOutput.folder(folder)) {
            for (int i = 0; i < total; i++) {
                if (monitor.isCancelled()) {
                    throw new ExportCancelledException(folder, i);
                }
                Path file = staged.staging().resolve(fileName(i));
                try {
                    PngImages.write(source.frame(i), file);
                } catch (IOException e) {
                    throw StagedOutput.describe(folder.resolve(fileName(i)), folder, e);
                }
                monitor.progress(i + 1, total);
            }
            long bytes = sizeOf(staged.staging());
            staged.commitFolder();
            return new ExportResult(folder, total, source.width(), source.height(), "png", bytes,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static long sizeOf(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
