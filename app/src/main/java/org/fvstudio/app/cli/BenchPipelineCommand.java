package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fvstudio.inference.image.ImageTensors;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GaussianNoise;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.StageTimings;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.pipeline.PoseMapRenderer;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fvstudio bench pipeline PROJECT}: the pipeline benchmarks of issue 5, figures printed, nothing asserted.
 * 1 seconds per frame for N = 1, 2, 4, 8 references with top-K selection and with all tokens;
 * 2 Java against the Python reference sampler (when a command for it is given);
 * 3 stage breakdown and Java overhead (wall time minus time inside ONNX Runtime);
 * 4 resident memory after 50 and after 500 frames in a row.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Generation pipeline: seconds per frame, Java vs Python, stages, memory.",
            "Seconds per frame for 1, 2, 4, 8 references with top-K selection and with all tokens; the Java pipeline",
            "against the Python reference sampler; stage breakdown and Java overhead; memory over a long run."})
public final class BenchPipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    private PrintWriter out;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle with at least one reference")
    Path projectDir;

    @Option(names = "--pack", description = "pack folder or id (default: the project's pack)")
    String pack;

    @Option(names = "--steps", description = "denoising steps (default: the pack's default)")
    Integer steps;

    @Option(names = "--frames", defaultValue = "3", description = "timed frames per configuration (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--long-frames", defaultValue = "500", description = "frames of the memory run (default: ${DEFAULT-VALUE}; 0 skips it)")
    int longFrames;

    @Option(names = "--long-steps", defaultValue = "2", description = "steps per frame in the memory run (default: ${DEFAULT-VALUE})")
    int longSteps;

    @Option(names = "--items", split = ",", paramLabel = "ITEM", defaultValue = "1,2,3,4",
            description = "which of the four benchmarks to run, e.g. 3 for the stage breakdown alone (default: all)")
    List<Integer> items;

    @Option(names = "--spin", description = "let ONNX Runtime worker threads spin between operators (off by default)")
    boolean spin;

    @Option(names = "--python-cmd", description = "shell command timing the Python reference sampler; {inputs} {pack} "
            + "{steps} are replaced by the folder of .npy inputs the bench writes, the pack folder and the steps; it must "
            + "print PYTHON_SECONDS_PER_FRAME=<s>. From the repository root: /usr/bin/python3 "
            + "app/bench/python_sampler_bench.py {inputs} {pack} {steps}")
    String pythonCommand;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SessionSettings settings;
        try {
            settings = runtime.settings().withSpinWait(spin);
            if (frames < 1 || longFrames < 0 || longSteps < 1) {
                throw new IllegalArgumentException("--frames and --long-steps must be >= 1, --long-frames >= 0");
            }
            CliSupport.checkGenerationOptions(steps, null, 0);
            if (items.isEmpty() || items.stream().anyMatch(i -> i < 1 || i > 4)) {
                throw new IllegalArgumentException("--items takes numbers from 1 to 4, got " + items);
            }
        } catch (IllegalArgumentException e) {
            err.println("fvstudio bench pipeline: " + e.getMessage());
            return 2;
        }
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
        } catch (IOException | ProjectFormatException e) {
            err.println("fvstudio bench pipeline: cannot open project " + projectDir + ": " + e.getMessage());
            return 2;
        }
        Project project = bundle.project();
        ReferenceImages images = CliSupport.images(bundle);
        try (ModelPack p = ModelPack.open(CliSupport.resolvePack(pack, project.generation().packId(), bundle.dir()),
                settings)) {
            int s = steps != null ? steps : p.manifest().scheduler().defaultSteps();
            GenerationOptions base = GenerationOptions.from(project.generation()).withSteps(s).withGuidance(1.0);
            out.printf("fvstudio bench pipeline: pack %s, %d steps, %d timed frames per row, denoiser on %s, ORT threads %s%s%n"
                            + "machine: %s%n", p.manifest().id(), s, frames, p.session("denoiser").orElseThrow().device(),
                    runtime.threadsLabel(), spin ? " (spinning)" : " (no spinning)", CliSupport.machine());

            if (items.contains(1)) {
                referenceCounts(p, project, images, base);
            }
            Timing one = items.contains(2) || items.contains(3) ? time(p, project, images, base, frames) : null;
            if (items.contains(2)) {
                javaVsPython(p, project, images, base, one, s);
            }
            if (items.contains(3)) {
                stages(one);
            }
            if (items.contains(4) && longFrames > 0) {
                out.printf("%n4. %d frames in a row (%d steps each): resident memory%n", longFrames, longSteps);
                memoryRun(p, project, images, base.withSteps(longSteps));
            }
            return 0;
        } catch (ModelLoadException | GenerationException e) {
            err.println("fvstudio bench pipeline: " + e.getMessage());
            return 1;
        }
    }

    private void referenceCounts(ModelPack p, Project project, ReferenceImages images, GenerationOptions base)
            throws GenerationException {
        out.println("\n1. seconds per frame against the number of references");
        out.println("   (median of " + frames + " rounds; each round generates one frame with every configuration in turn,"
                + " so load changes hit all of them alike)");
        out.println("   N   top-K s/frame   all-tokens s/frame   tokens kept (first bank) top-K / all");
        int[] counts = {1, 2, 4, 8};
        List<GenerationPipeline> configs = new ArrayList<>();
        int[] kept = new int[2 * counts.length];
        StepObserver quiet = (done, stepCount, preview) -> { };
        for (int c = 0; c < counts.length; c++) {
            Project pn = withReferenceCount(project, counts[c]);
            for (boolean all : new boolean[] {false, true}) {
                GenerationPipeline pipeline = new GenerationPipeline(p, pn, images, base.withAllTokens(all));
                FrameResult warm = pipeline.generate(0, quiet);
                kept[configs.size()] = warm.selections().isEmpty() ? 0 : warm.selections().get(0).k();
                configs.add(pipeline);
            }
        }
        double[][] seconds = new double[configs.size()][frames];
        for (int round = 0; round < frames; round++) {
            for (int c = 0; c < configs.size(); c++) {
                seconds[c][round] = configs.get(c).generate((round + 1) % project.frameCount(), quiet).timings().totalSeconds();
            }
        }
        double firstTopK = CliSupport.median(seconds[0]);
        double lastTopK = CliSupport.median(seconds[2 * (counts.length - 1)]);
        for (int c = 0; c < counts.length; c++) {
            out.printf("   %-3d %-15.3f %-20.3f %d / %d%n", counts[c], CliSupport.median(seconds[2 * c]),
                    CliSupport.median(seconds[2 * c + 1]), kept[2 * c], kept[2 * c + 1]);
        }
        configs.clear();
        out.printf("   all tokens at N=8 / N=1: %.2fx%n", CliSupport.median(seconds[2 * counts.length - 1]) / CliSupport.median(seconds[1]));
        out.printf("   top-K at N=8 / N=1: %.2fx (target <= 1.25x)%n", lastTopK / firstTopK);
    }

    private void javaVsPython(ModelPack p, Project project, ReferenceImages images, GenerationOptions base, Timing one,
            int stepCount) throws IOException, GenerationException, InterruptedException {
        out.println("\n2. Java vs the Python reference sampler (same pack, inputs, steps and frames)");
        if (pythonCommand == null) {
            out.printf("   Java %.3f s/frame; Python not measured (pass --python-cmd)%n", one.secondsPerFrame);
        } else {
            Path inputs = Files.createTempDirectory("fvstudio-bench-inputs");
            writeSamplerInputs(p, project, images, base, frames, inputs);
            String cmd = pythonCommand.replace("{inputs}", inputs.toString()).replace("{pack}", p.folder().toString())
                    .replace("{steps}", Integer.toString(stepCount));
            Timing javaTiming = time(p, project, images, base, frames);
            long t0 = System.nanoTime();
            Process proc = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(true).start();
            String output = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int rc = proc.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9 / frames;
            java.util.regex.Matcher mm = java.util.regex.Pattern.compile("PYTHON_SECONDS_PER_FRAME=([0-9.]+)").matcher(output);
            if (rc != 0 || !mm.find()) {
                out.printf("   Python command failed (exit %d):%n%s%n", rc, output.strip());
            } else {
                double py = Double.parseDouble(mm.group(1));
                out.printf("   Java %.3f s/frame, Python %.3f s/frame (process wall incl. start and graph"
                        + " loading %.3f s/frame): Python/Java = %.1fx%n", javaTiming.secondsPerFrame, py, wall,
                        py / javaTiming.secondsPerFrame);
            }
        }
    }

    private void stages(Timing one) {
        out.println("\n3. stage breakdown (mean per frame, project references, after warm-up)");
        StageTimings t = one.mean;
        out.printf("   pose maps %.1f ms | references %.1f ms | PCM + pose guider %.1f ms | selection %.1f ms |"
                        + " denoise %.1f ms | decode %.1f ms | total %.1f ms%n", t.poseMapNanos() / 1e6,
                t.referenceNanos() / 1e6, t.pcmNanos() / 1e6, t.selectionNanos() / 1e6, t.denoiseNanos() / 1e6,
                t.decodeNanos() / 1e6, t.totalNanos() / 1e6);
        out.printf("   inside ONNX Runtime %.1f ms; Java overhead (wall minus ORT) %.1f%% (target < 10%%)%n",
                t.runtimeNanos() / 1e6, 100 * t.overheadFraction());
        out.printf("   Java CPU outside ORT %.1f ms per frame = %.1f%% of the frame's wall time"
                + " (the calling thread's own work, not inflated by other processes)%n",
                one.javaCpuNanos / 1e6, 100.0 * one.javaCpuNanos / t.totalNanos());
    }

    /** The project's enabled references repeated (with new ids) until there are {@code n}. */
    static Project withReferenceCount(Project project, int n) {
        List<ReferenceShot> enabled = project.enabledReferences();
        List<ReferenceShot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ReferenceShot r = enabled.get(i % enabled.size());
            out.add(new ReferenceShot(r.id() + "-bench" + i, r.name(), r.imageFile(), r.pose(), r.scale(), true, r.note()));
        }
        return project.withReferences(out);
    }

    private record Timing(double secondsPerFrame, StageTimings mean, int keptTokens, long javaCpuNanos) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static Timing time(ModelPack p, Project project, ReferenceImages images, GenerationOptions o, int frames)
            throws GenerationException {
        GenerationPipeline pipeline = new GenerationPipeline(p, project, images, o);
        StepObserver quiet = (done, steps, preview) -> { };
        FrameResult warm = pipeline.generate(0, quiet); // reference stage, ORT and JIT warm-up
        pipeline.generate(0, quiet);
        long[] sums = new long[8];
        long javaCpu = 0;
        for (int i = 0; i < frames; i++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long ortCpu0 = pipeline.runtimeCpuNanos();
            StageTimings t = pipeline.generate((i + 1) % project.frameCount(), quiet).timings();
            javaCpu += (THREADS.getCurrentThreadCpuTime() - cpu0) - (pipeline.runtimeCpuNanos() - ortCpu0);
            long[] v = {t.poseMapNanos(), t.referenceNanos(), t.pcmNanos(), t.selectionNanos(), t.denoiseNanos(),
                t.decodeNanos(), t.runtimeNanos(), t.totalNanos()};
            for (int k = 0; k < 8; k++) {
                sums[k] += v[k];
            }
        }
        StageTimings mean = new StageTimings(sums[0] / frames, sums[1] / frames, sums[2] / frames, sums[3] / frames,
                sums[4] / frames, sums[5] / frames, sums[6] / frames, sums[7] / frames);
        int kept = warm.selections().isEmpty() ? 0 : warm.selections().get(0).k();
        return new Timing(mean.totalSeconds(), mean, kept, javaCpu / frames);
    }

    /**
     * The exact inputs the Java pipeline feeds its graphs for the timed frames, as .npy for the Python sampler:
     * reference pictures at pack size and their pose maps, the target pose maps and the initial noise.
     */
    private static void writeSamplerInputs(ModelPack p, Project project, ReferenceImages images, GenerationOptions o,
            int frames, Path dir) throws IOException, GenerationException {
        var m = p.manifest();
        PoseMapRenderer maps = new PoseMapRenderer(m.poseMap());
        List<ReferenceShot> refs = project.enabledReferences();
        int rw = m.referenceImage().width();
        int rh = m.referenceImage().height();
        int mw = m.poseMap().width();
        int mh = m.poseMap().height();
        byte[] refImages = new byte[refs.size() * rw * rh * 3];
        byte[] refPoses = new byte[refs.size() * mw * mh * 3];
        for (int i = 0; i < refs.size(); i++) {
            byte[] img = ImageTensors.resize(images.load(refs.get(i)), rw, rh).toRgbBytes();
            System.arraycopy(img, 0, refImages, i * img.length, img.length);
            byte[] pose = maps.renderImage(refs.get(i).pose()).toRgbBytes();
            System.arraycopy(pose, 0, refPoses, i * pose.length, pose.length);
        }
        byte[] targets = new byte[frames * mw * mh * 3];
        float[] noise = new float[frames * m.latent().size()];
        for (int i = 0; i < frames; i++) {
            int frame = (i + 1) % project.frameCount();
            byte[] pose = maps.renderImage(project.targetPoseAt(frame)).toRgbBytes();
            System.arraycopy(pose, 0, targets, i * pose.length, pose.length);
            float[] x = GaussianNoise.forFrame(o.seed(), frame, m.noiseSharedAcrossFrames(), m.latent().size());
            System.arraycopy(x, 0, noise, i * x.length, x.length);
        }
        NpyWriter.writeUint8(dir.resolve("ref_image_u8.npy"), refImages, refs.size(), rh, rw, 3);
        NpyWriter.writeUint8(dir.resolve("ref_pose_u8.npy"), refPoses, refs.size(), mh, mw, 3);
        NpyWriter.writeUint8(dir.resolve("target_pose_u8.npy"), targets, frames, mh, mw, 3);
        NpyWriter.writeFloat32(dir.resolve("noise.npy"), noise, frames, m.latent().channels(), m.latent().height(),
                m.latent().width());
    }

    private void memoryRun(ModelPack p, Project project, ReferenceImages images, GenerationOptions o) throws GenerationException {
        GenerationPipeline pipeline = new GenerationPipeline(p, project, images, o);
        List<Integer> frameList = new ArrayList<>();
        for (int i = 0; i < longFrames; i++) {
            frameList.add(i % project.frameCount());
        }
        double[] rss = new double[2];
        int[] done = {0};
        long t0 = System.nanoTime();
        var outcome = new GenerationJob(pipeline, frameList, new GenerationListener() {
            @Override
            public void onFrame(FrameResult r) {
                done[0]++;
                if (done[0] == 50) {
                    rss[0] = CliSupport.residentMegabytes();
                }
                if (done[0] == longFrames) {
                    rss[1] = CliSupport.residentMegabytes();
                }
            }
        }, 0).run();
        if (!outcome.isOk()) {
            out.println("   failed: " + outcome);
            return;
        }
        out.printf("   RSS at frame 50: %.1f MB, at frame %d: %.1f MB, growth %.1f MB (target < 50 MB); %.3f s/frame%n",
                rss[0], longFrames, rss[1], rss[1] - rss[0], (System.nanoTime() - t0) / 1e9 / longFrames);
    }
}
