package org.fvstudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.app.bench.ExtractionBenchmark;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.media.MediaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fvstudio bench extract --models DIR --video FILE}: DWPose extraction frames per second (issue 7). */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"DWPose extraction frames per second, and whether the CUDA path ran.",
            "Decoding and the model path (letterbox, detector, crop, estimator, decoding) are timed apart.",
            "The stand-in test models are in inference/src/test/resources/dwpose."})
public final class BenchExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--models", required = true, paramLabel = "DIR", description = "folder with yolox_l.onnx and dw-ll_ucoco_384.onnx")
    Path models;

    @Option(names = "--video", required = true, paramLabel = "FILE", description = "a video FFmpeg can read")
    Path video;

    @Option(names = "--frames", paramLabel = "N", description = "timed frames (default: the whole video after the warm-up)")
    Integer frames;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N", description = "untimed first frames (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SessionSettings settings;
        try {
            settings = runtime.settings();
            if ((frames != null && frames < 1) || warmup < 0) {
                throw new IllegalArgumentException("--frames must be >= 1 and --warmup >= 0");
            }
        } catch (IllegalArgumentException e) {
            err.println("fvstudio bench extract: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(video)) {
            err.println("fvstudio bench extract: " + video + ": file not found");
            return 1;
        }
        try {
            DwposeModels located = DwposeModels.locate(models);
            out.println("fvstudio bench extract: machine: " + CliSupport.machine());
            CliSupport.printTo(out, stream -> ExtractionBenchmark.run(located, video, warmup,
                    frames != null ? frames : Integer.MAX_VALUE, settings, stream));
            return 0;
        } catch (ModelLoadException | MediaException | InferenceException e) {
            err.println("fvstudio bench extract: " + e.getMessage());
            return 1;
        }
    }
}
