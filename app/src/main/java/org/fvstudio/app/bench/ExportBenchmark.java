package org.fvstudio.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.fvstudio.bench.RealData;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.H264Encoder;
import org.fvstudio.export.Images;
import org.fvstudio.export.Mp4Exporter;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.export.PngSequenceExporter;
import org.fvstudio.export.ReferenceHeatmap;
import org.fvstudio.export.ReviewCompositions;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.export.VideoSettings;
import org.fvstudio.pose.render.RgbImage;

/**
 * Prints export throughput at 512x512: the MP4 encoder alone, a PNG sequence, and the side-by-side review
 * video (which adds heatmap colouring and composition). Frames are a real photograph panned across the canvas
 * (the real astronaut photo when found, else a synthetic pattern).
 * <p>
 * Run from project-files/ (add {@code -Pgpl} to both commands for libx264):
 * {@code mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime}
 * then {@code java -cp target/classes:$(cat target/cp.txt) org.fvstudio.app.bench.ExportBenchmark [FRAMES [IMAGE]]}.
 */
public final class ExportBenchmark {

    private static final int SIZE = 512;

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 96, args.length > 1 ? Path.of(args[1]) : null, System.out);
    }

    /**
     * Exports {@code frames} frames of 512x512 in every way the studio does and prints frames per second to {@code out}.
     * {@code image} is the photograph to pan (null: the real astronaut photo, else a synthetic pattern).
     */
    public static void run(int frames, Path image, PrintStream out) throws IOException, ExportException {
        RgbImage photo = loadPhoto(image, out);
        FrameSource source = panning(photo, frames);
        Path dir = Files.createTempDirectory("fvstudio-export-bench");
        try {
            H264Encoder encoder = H264Encoder.best();
            out.printf(Locale.ROOT, "FV Studio export benchmark: %d frames of %dx%d, %d cores, %s, encoder %s%n",
                    frames, SIZE, SIZE, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                    encoder.codecName());
            double produce = timeSource(source);
            out.printf(Locale.ROOT, "  producing source frames only : %8.1f frames/s%n", frames / produce);
            // warm-up: native library loading and JIT
            new Mp4Exporter(VideoSettings.of(24)).export(panning(photo, 8), dir.resolve("warmup.mp4"), ExportMonitor.NONE);
            for (VideoQuality quality : VideoQuality.values()) {
                report(out, "MP4 H.264 " + quality.name().toLowerCase(Locale.ROOT),
                        new Mp4Exporter(new VideoSettings(24, quality, encoder))
                                .export(source, dir.resolve("bench-" + quality + ".mp4"), ExportMonitor.NONE));
            }
            report(out, "PNG sequence", new PngSequenceExporter("frame").export(source, dir.resolve("png"), ExportMonitor.NONE));
            FrameSource review = ReviewCompositions.sideBySide(source, source, List.of(
                    new ReferenceHeatmap("ref 1", photo, i -> blob(i, frames, 0.3)),
                    new ReferenceHeatmap("ref 2", photo, i -> blob(i, frames, 0.7))),
                    ReviewCompositions.Style.defaults(SIZE));
            out.printf(Locale.ROOT, "  composing review frames only  : %8.1f frames/s%n",
                    frames / timeSource(review));
            report(out, "review MP4 " + review.width() + "x" + review.height(),
                    new Mp4Exporter(VideoSettings.of(24)).export(review, dir.resolve("review.mp4"), ExportMonitor.NONE));
        } finally {
            deleteTree(dir);
        }
    }

    private static void report(PrintStream out, String what, ExportResult result) {
        out.printf(Locale.ROOT, "  %-30s: %8.1f frames/s  (%d frames in %.2f s, %d kB, %s)%n", what,
                result.framesPerSecond(), result.frames(), result.seconds(), result.bytes() / 1024, result.encoder());
    }

    private static double timeSource(FrameSource source) throws ExportException {
        long start = System.nanoTime();
        for (int i = 0; i < source.frameCount(); i++) {
            source.frame(i);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The photo moved a few pixels per frame (wrapping), so every frame differs like real footage. */
    private static FrameSource panning(RgbImage photo, int frames) {
        int[] pixels = photo.packedPixels();
        return FrameSource.of(frames, SIZE, SIZE, index -> {
            int shift = index * 3 % SIZE;
            RgbImage image = new RgbImage(SIZE, SIZE);
            int[] out = image.packedPixels();
            for (int y = 0; y < SIZE; y++) {
                System.arraycopy(pixels, y * SIZE + shift, out, y * SIZE, SIZE - shift);
                System.arraycopy(pixels, y * SIZE, out, y * SIZE + SIZE - shift, shift);
            }
            return image;
        });
    }

    /** A 32x32 correlation-like map: one Gaussian peak travelling across the grid. */
    private static FloatMap blob(int frame, int frames, double row) {
        float[] values = new float[32 * 32];
        double cx = 32.0 * frame / Math.max(1, frames);
        double cy = 32 * row;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                values[y * 32 + x] = (float) Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 30.0);
            }
        }
        return FloatMap.of(32, 32, values);
    }

    private static RgbImage loadPhoto(Path given, PrintStream out) throws IOException {
        for (Path candidate : new Path[] {given, RealData.find(RealData.ASTRONAUT).orElse(null)}) {
            if (candidate != null && Files.isRegularFile(candidate)) {
                return Images.scaledTo(PngImages.read(candidate), SIZE, SIZE);
            }
        }
        int[] pattern = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                pattern[y * SIZE + x] = (x * 255 / SIZE) << 16 | (y * 255 / SIZE) << 8 | ((x ^ y) & 0xFF);
            }
        }
        out.println("  (astronaut.png not found: using a synthetic pattern)");
        return RgbImage.ofPacked(SIZE, SIZE, pattern);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
