package org.fvstudio.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.bench.RealData;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.estimation.EmbeddedModels;
import org.fvstudio.inference.estimation.EstimatorChoice;
import org.fvstudio.inference.estimation.SkeletonDetectors;
import org.fvstudio.inference.estimation.accuracy.PoseAccuracyBenchmark;
import org.fvstudio.inference.estimation.accuracy.PoseAccuracyBenchmark.Camera;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.media.MediaException;
import org.fvstudio.pose.openpose.PoseFormatException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fvstudio bench pck}: how well a skeleton detector finds a real person, against real OpenPose output. */
@Command(name = "pck", mixinStandardHelpOptions = true,
        description = {"Limb PCK at 0.1 and 0.2 of the torso height of a skeleton detector on the four Pose2Sim",
            "cameras (real OpenPose output of the same frames as ground truth; the subject is the largest person),",
            "per camera and overall, and the detector's frames per second (decoding not counted)."})
public final class BenchPckCommand implements Callable<Integer> {

    static final List<String> CAMERAS = List.of("cam01", "cam02", "cam03", "cam04");

    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--estimator", defaultValue = "embedded", paramLabel = "auto|dwpose|embedded",
            description = "which detector to measure (default: ${DEFAULT-VALUE})")
    String estimator;

    @Option(names = "--models", paramLabel = "DIR", description = "DWPose folder (default: <fvstudio home>/models/dwpose)")
    Path models;

    @Option(names = "--embedded-model", paramLabel = "FILE",
            description = "the embedded estimator's graph (default: the bundled MoveNet Thunder; e.g. movenet-lightning.onnx)")
    Path embeddedModel;

    @Option(names = "--body-only",
            description = "the bundled embedded estimator without its hand, face and foot graphs (everyone's body alone)")
    boolean bodyOnly;

    @Option(names = "--stride", defaultValue = "1", paramLabel = "N", description = "every N-th frame (default: ${DEFAULT-VALUE})")
    int stride;

    @Option(names = "--cameras", split = ",", paramLabel = "cam01,...", description = "cameras to measure (default: all four)")
    List<String> cameras = CAMERAS;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EstimatorChoice choice;
        List<Camera> chosen = new ArrayList<>();
        try {
            choice = EstimatorChoice.parse(estimator);
            if (stride < 1) {
                throw new IllegalArgumentException("--stride must be >= 1");
            }
            for (String name : cameras) {
                if (!CAMERAS.contains(name)) {
                    throw new IllegalArgumentException("unknown camera '" + name + "': use " + String.join(", ", CAMERAS));
                }
                Optional<Path> video = RealData.find("video/pose2sim_" + name + ".mp4");
                Optional<Path> firstPose = RealData.find("poses/pose2sim/" + name + "/" + name + ".0000.json");
                if (video.isEmpty() || firstPose.isEmpty()) {
                    err.println("fvstudio bench pck: the Pose2Sim " + name + " video or poses were not found ("
                            + RealData.searched("video/pose2sim_" + name + ".mp4") + ")");
                    return 1;
                }
                chosen.add(new Camera(name, video.get(), firstPose.get().getParent()));
            }
        } catch (IllegalArgumentException e) {
            err.println("fvstudio bench pck: " + e.getMessage());
            return 2;
        }
        Optional<EmbeddedModels> embedded = embeddedModel != null ? Optional.of(EmbeddedModels.bodyOnly(embeddedModel))
                : BundledAssets.locate().flatMap(BundledAssets::modelsFolder).flatMap(EmbeddedModels::in);
        if (bodyOnly) {
            embedded = embedded.map(EmbeddedModels::withoutLandmarks);
        }
        try (SkeletonDetector detector = SkeletonDetectors.open(choice,
                () -> models == null ? DwposeModels.locate() : DwposeModels.locate(models), embedded, runtime.settings())) {
            out.println("fvstudio bench pck: machine: " + CliSupport.machine());
            ByteArrayOutputStream figures = new ByteArrayOutputStream();
            try (PrintStream stream = new PrintStream(figures, true, StandardCharsets.UTF_8)) {
                PoseAccuracyBenchmark.run(detector, chosen, stride, stream);
            } finally {
                out.print(figures.toString(StandardCharsets.UTF_8));
                out.flush();
            }
            return 0;
        } catch (ModelLoadException | MediaException | InferenceException | PoseFormatException e) {
            err.println("fvstudio bench pck: " + e.getMessage());
            return 1;
        }
    }
}
