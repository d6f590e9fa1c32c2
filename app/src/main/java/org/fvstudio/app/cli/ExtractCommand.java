package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.fvstudio.inference.runtime.CancellationToken;
import org.fvstudio.assets.BundledAssets;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.estimation.EmbeddedModels;
import org.fvstudio.inference.estimation.EstimatorChoice;
import org.fvstudio.inference.estimation.SkeletonDetectors;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.dwpose.ExtractionCancelledException;
import org.fvstudio.inference.dwpose.ExtractionProgress;
import org.fvstudio.inference.dwpose.OneEuroSettings;
import org.fvstudio.inference.dwpose.VideoExtractionOptions;
import org.fvstudio.inference.dwpose.VideoPoseExtractor;
import org.fvstudio.inference.dwpose.VideoPoses;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.input.FileProblems;
import org.fvstudio.input.InputLimits;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.Picture;
import org.fvstudio.media.MediaException;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.CoordinateMode;
import org.fvstudio.pose.openpose.OpenPoseWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fvstudio extract VIDEO|IMAGE --out DIR}: DWPose skeletons as OpenPose JSON, one file per frame. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract skeletons from a video or a picture into OpenPose JSON files.",
            "DWPose (whole body) when yolox_l.onnx and dw-ll_ucoco_384.onnx are in the model folder, else the embedded",
            "estimator (MoveNet, body only) that ships with FV Studio; nothing is downloaded."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:poses written", "1:models missing, unreadable input or inference failure", "2:invalid options"})
public final class ExtractCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "webp", "tif", "tiff");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIDEO|IMAGE", description = "a video FFmpeg can read, or a picture")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "folder for the JSON files (created)")
    Path out;

    @Option(names = "--models", paramLabel = "DIR",
            description = "folder holding yolox_l.onnx and dw-ll_ucoco_384.onnx (default: <fvstudio home>/models/dwpose)")
    Path models;

    @Option(names = "--estimator", defaultValue = "auto", paramLabel = "auto|dwpose|embedded",
            description = "auto: DWPose when its files are present, else the embedded estimator (default: ${DEFAULT-VALUE})")
    String estimator;

    @Option(names = "--stride", defaultValue = "1", paramLabel = "N", description = "use every N-th video frame (default: ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--smooth", description = "smooth keypoints over time with a One Euro filter")
    boolean smooth;

    @Option(names = "--largest", description = "keep only the largest person of each frame")
    boolean largestOnly;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "auto|cpu|cuda",
            description = "device to run on; CUDA falls back to CPU when unavailable (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "ONNX Runtime threads, 0 = default")
    int threads;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        SessionSettings settings;
        EstimatorChoice choice;
        try {
            choice = EstimatorChoice.parse(estimator);
            if (stride < 1) {
                throw new IllegalArgumentException("--stride must be >= 1, got " + stride);
            }
            settings = SessionSettings.defaults().withDevice(DevicePreference.parse(device)).withIntraOpThreads(threads);
        } catch (IllegalArgumentException e) {
            err.println("extract: " + e.getMessage());
            return USAGE;
        }
        if (!Files.isRegularFile(input)) {
            err.println("extract: " + input + ": file not found");
            return FAILED;
        }
        try {
            try (SkeletonDetector extractor = SkeletonDetectors.open(choice,
                    () -> models == null ? DwposeModels.locate() : DwposeModels.locate(models),
                    BundledAssets.locate().flatMap(BundledAssets::modelsFolder).flatMap(EmbeddedModels::in), settings)) {
                // Only once the models are open: a run that cannot start leaves no empty folder behind.
                Files.createDirectories(out);
                outWriter.println(extractor.name() + " on " + extractor.deviceDescription());
                int written = isImage(input) ? extractImage(extractor, outWriter) : extractVideo(extractor, outWriter, err);
                outWriter.println("wrote " + written + " pose file" + (written == 1 ? "" : "s") + " to " + out);
                outWriter.flush();
            }
            return OK;
        } catch (ModelLoadException | MediaException | InferenceException e) {
            err.println("extract: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("extract: cannot write to " + out + ": " + FileProblems.reason(e));
            return FAILED;
        } catch (ExtractionCancelledException e) {
            err.println("extract: " + e.getMessage());
            return FAILED;
        }
    }

    private int extractImage(SkeletonDetector extractor, PrintWriter log) throws MediaException, InferenceException, IOException {
        // A large photo is detected at the working size; the pose is written on the photo's own canvas.
        Picture picture = ImageFiles.readWithin(input, InputLimits.WORKING_MAX_SIDE);
        Pose pose = picture.onSourceCanvas(extractor.detect(picture.image(), largestOnly));
        Path file = out.resolve(baseName(input) + "_keypoints.json");
        new OpenPoseWriter().writeFrame(pose, file, CoordinateMode.PIXELS);
        int people = pose.people().size();
        log.println(people + (people == 1 ? " person in " : " people in ") + input.getFileName());
        return 1;
    }

    private int extractVideo(SkeletonDetector extractor, PrintWriter log, PrintWriter err)
            throws MediaException, InferenceException, IOException, ExtractionCancelledException {
        VideoExtractionOptions options = VideoExtractionOptions.defaults().withFrameStride(stride)
                .withLargestPersonOnly(largestOnly).withSmoothing(smooth ? OneEuroSettings.forPixels() : null);
        CancellationToken cancel = new CancellationToken();
        Thread cancelOnInterrupt = new Thread(cancel::cancel, "extract-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        VideoPoses poses;
        try {
            poses = new VideoPoseExtractor(extractor).extract(input, options, progressBar(err), cancel);
        } finally {
            removeHook(cancelOnInterrupt);
        }
        err.println();
        String base = baseName(input);
        OpenPoseWriter writer = new OpenPoseWriter();
        for (int i = 0; i < poses.size(); i++) {
            String name = String.format(Locale.ROOT, "%s_%012d_keypoints.json", base, poses.sourceFrames().get(i));
            writer.writeFrame(poses.seenAt(i), out.resolve(name), CoordinateMode.PIXELS);
        }
        log.printf(Locale.ROOT, "%d frames at %.3f fps (stride %d)%n", poses.size(), poses.frameRate(), stride);
        return poses.size();
    }

    private static ExtractionProgress progressBar(PrintWriter err) {
        return (done, total, fraction) -> {
            if (fraction < 0) {
                err.printf(Locale.ROOT, "\rframe %d", done);
            } else {
                int filled = (int) Math.round(30 * fraction);
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d frames", "#".repeat(filled), " ".repeat(30 - filled), done, total);
            }
            err.flush();
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has done its job.
        }
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
