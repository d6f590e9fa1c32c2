package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fvstudio.bench.RealData;
import org.fvstudio.motion.bvh.BvhFormatException;
import org.fvstudio.project.Project;
import org.fvstudio.app.bench.ScrubBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fvstudio bench scrub [BVH]}: sample + draw one frame of a long project, as the viewer does while scrubbing (issue 3). */
@Command(name = "scrub", mixinStandardHelpOptions = true,
        description = {"Time to sample and draw one frame of a long project (target < 4 ms).",
            "Sampling is the camera-transformed target pose, drawing the DWPose renderer, as the viewer scrubs.",
            "The project is built from a BVH clip with a key on every frame and a dolly-in over the whole range;",
            "frames are visited forwards, backwards and at random."})
public final class BenchScrubCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BVH",
            description = "motion clip (default: the checkout's real CMU clip, " + RealData.CMU_CLIP + ")")
    Path bvh;

    @Option(names = "--frames", defaultValue = "2000", paramLabel = "N", description = "project length (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--size", defaultValue = "512", paramLabel = "PX", description = "square canvas side (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--passes", defaultValue = "3", paramLabel = "N",
            description = "sweeps over the frames: forward, backward, random, repeating (default: ${DEFAULT-VALUE})")
    int passes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (frames < 2 || size < 16 || passes < 1) {
            err.println("fvstudio bench scrub: --frames must be >= 2, --size >= 16 and --passes >= 1");
            return 2;
        }
        Path clip = bvh != null ? bvh : defaultClip();
        if (clip == null || !Files.isRegularFile(clip)) {
            err.println("fvstudio bench scrub: " + (clip == null ? "no BVH given and " + RealData.searched(RealData.CMU_CLIP) + " not found"
                    : clip + ": file not found") + "; pass a BVH file");
            return 1;
        }
        try {
            Project project = ScrubBenchmark.projectFromBvh(clip, frames, size);
            out.printf("fvstudio bench scrub: %s, %d frames at %.0f fps, %dx%d canvas%nmachine: %s%n", clip, frames,
                    project.fps(), size, size, CliSupport.machine());
            out.println(ScrubBenchmark.run(project, passes, 42).describe());
            out.flush();
            return 0;
        } catch (IOException | BvhFormatException e) {
            err.println("fvstudio bench scrub: " + clip + ": " + e.getMessage());
            return 1;
        }
    }

    private static Path defaultClip() {
        return RealData.find(RealData.CMU_CLIP).orElse(null);
    }
}
