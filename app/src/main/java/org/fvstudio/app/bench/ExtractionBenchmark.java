package org.fvstudio.app.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.fvstudio.inference.dwpose.DwposeExtractor;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;

/**
 * Frames per second of DWPose extraction over a video, split into decoding and the model path
 * (letterbox, detector, crop, estimator, decoding). Prints figures; asserts nothing.
 *
 * <pre>
 * ExtractionBenchmark --models DIR --video FILE [--frames N] [--warmup N] [--device cpu|auto|cuda] [--threads N]
 * </pre>
 */
public final class ExtractionBenchmark {

    /** Measured figures of one run. */
    public record Result(int frames, double decodeSeconds, double extractSeconds, int people, String device,
                         boolean cudaExercised) {

        public double framesPerSecond() {
            return frames / (decodeSeconds + extractSeconds);
        }

        public double extractionFramesPerSecond() {
            return frames / extractSeconds;
        }
    }

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path models = DwposeModels.defaultFolder();
        Path video = null;
        int frames = Integer.MAX_VALUE;
        int warmup = 5;
        SessionSettings settings = SessionSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--models" -> models = Path.of(value);
                case "--video" -> video = Path.of(value);
                case "--frames" -> frames = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--device" -> settings = settings.withDevice(DevicePreference.parse(value));
                case "--threads" -> settings = settings.withIntraOpThreads(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --models DIR --video FILE [--frames N] [--warmup N] [--device cpu|auto|cuda] [--threads N]");
            }
            i++;
        }
        if (video == null) {
            throw new IllegalArgumentException("--video FILE is required");
        }
        run(DwposeModels.locate(models), video, warmup, frames, settings, System.out);
    }

    public static Result run(DwposeModels models, Path video, int warmupFrames, int maxFrames, SessionSettings settings,
            PrintStream out) throws Exception {
        try (DwposeExtractor extractor = DwposeExtractor.open(models, settings);
             VideoFrameReader reader = VideoFrameReader.open(video)) {
            long decodeNanos = 0;
            long extractNanos = 0;
            int measured = 0;
            int people = 0;
            int seen = 0;
            while (measured < maxFrames) {
                long t0 = System.nanoTime();
                VideoFrame frame = reader.nextFrame();
                long t1 = System.nanoTime();
                if (frame == null) {
                    break;
                }
                people += extractor.detect(frame.image()).people().size();
                long t2 = System.nanoTime();
                if (seen++ < warmupFrames) {
                    people = 0;
                    continue;
                }
                decodeNanos += t1 - t0;
                extractNanos += t2 - t1;
                measured++;
            }
            Result result = new Result(measured, decodeNanos / 1e9, extractNanos / 1e9, people, extractor.deviceDescription(),
                    extractor.device() == ExecutionDevice.CUDA);
            out.printf(Locale.ROOT, "DWPose extraction benchmark%n");
            out.printf(Locale.ROOT, "  models    %s, %s%n", models.detector(), models.estimator());
            out.printf(Locale.ROOT, "  video     %s (%dx%d)%n", video, reader.width(), reader.height());
            out.printf(Locale.ROOT, "  device    %s%n", result.device());
            out.printf(Locale.ROOT, "  CUDA path %s%n", result.cudaExercised() ? "exercised (estimator ran on CUDA)"
                    : "not exercised (ran on CPU)");
            out.printf(Locale.ROOT, "  threads   %s%n", settings.intraOpThreads() == 0 ? "ORT default" : settings.intraOpThreads());
            out.printf(Locale.ROOT, "  frames    %d measured after %d warm-up, %d people%n", measured,
                    Math.min(warmupFrames, seen), result.people());
            out.printf(Locale.ROOT, "  decode    %.2f ms/frame%n", 1000 * result.decodeSeconds() / Math.max(1, measured));
            out.printf(Locale.ROOT, "  extract   %.2f ms/frame (%.2f frames/s)%n",
                    1000 * result.extractSeconds() / Math.max(1, measured), result.extractionFramesPerSecond());
            out.printf(Locale.ROOT, "  overall   %.2f frames/s (decode + extract)%n", result.framesPerSecond());
            return result;
        }
    }
}
