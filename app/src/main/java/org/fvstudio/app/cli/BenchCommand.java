package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.StageTimings;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.PackLocator;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fvstudio bench PROJECT}: the pipeline benchmarks of issue 5, figures printed, nothing asserted.
 * 1 seconds per frame for N = 1, 2, 4, 8 references with top-K selection and with all tokens;
 * 2 Java against the Python reference sampler (when a command for it is given);
 * 3 stage breakdown and Java overhead (wall time minus time inside ONNX Runtime);
 * 4 resident memory after 50 and after 500 frames in a row.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the generation pipeline (figures printed).")
public final class BenchCommand implements Callable<Integer> {

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

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads (0 = its default)")
    int threads;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda")
    String device;

    @Option(names = "--python-cmd", description = "shell command running the Python reference sampler on the same "
            + "pack, inputs and steps for --frames frames; its wall time per frame is compared with Java's")
    String pythonCommand;

    @Override
    public Integer call() throws Exception {
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
        } catch (IOException | ProjectFormatException e) {
            System.err.println("fvstudio bench: cannot open project " + projectDir + ": " + e.getMessage());
            return 2;
        }
        Project project = bundle.project();
        ReferenceImages images = CliSupport.images(bundle);
        try (ModelPack p = ModelPack.open(PackLocator.resolve(pack != null ? pack : project.generation().packId()),
                CliSupport.settings(device, threads))) {
            int s = steps != null ? steps : p.manifest().scheduler().defaultSteps();
            GenerationOptions base = GenerationOptions.from(project.generation()).withSteps(s).withGuidance(1.0);
            System.out.printf("fvstudio bench: pack %s, %d steps, %d timed frames per row, denoiser on %s, %d CPU cores, %s%n",
                    p.manifest().id(), s, frames, p.session("denoiser").orElseThrow().device(),
                    Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now());

            System.out.println("\n1. seconds per frame against the number of references");
            System.out.println("   N   top-K s/frame   all-tokens s/frame   tokens kept (first bank) top-K / all");
            double firstTopK = 0;
            double lastTopK = 0;
            for (int n : new int[] {1, 2, 4, 8}) {
                Project pn = withReferenceCount(project, n);
                Timing topK = time(p, pn, images, base, frames);
                Timing all = time(p, pn, images, base.withAllTokens(true), frames);
                if (n == 1) {
                    firstTopK = topK.secondsPerFrame;
                }
                lastTopK = topK.secondsPerFrame;
                System.out.printf("   %-3d %-15.3f %-20.3f %d / %d%n", n, topK.secondsPerFrame, all.secondsPerFrame,
                        topK.keptTokens, all.keptTokens);
            }
            System.out.printf("   top-K at N=8 / N=1: %.2fx (target <= 1.25x)%n", lastTopK / firstTopK);

            Timing one = time(p, project, images, base, frames);
            System.out.println("\n2. Java vs the Python reference sampler");
            if (pythonCommand == null) {
                System.out.printf("   Java %.3f s/frame; Python not measured (pass --python-cmd)%n", one.secondsPerFrame);
            } else {
                long t0 = System.nanoTime();
                int rc = new ProcessBuilder("/bin/sh", "-c", pythonCommand).inheritIO().start().waitFor();
                double py = (System.nanoTime() - t0) / 1e9 / frames;
                System.out.printf("   Java %.3f s/frame, Python %.3f s/frame (exit %d, process start included): Python/Java = %.2f%n",
                        one.secondsPerFrame, py, rc, py / one.secondsPerFrame);
            }

            System.out.println("\n3. stage breakdown (mean per frame, project references, after warm-up)");
            StageTimings t = one.mean;
            System.out.printf("   pose maps %.1f ms | references %.1f ms | PCM + pose guider %.1f ms | selection %.1f ms |"
                            + " denoise %.1f ms | decode %.1f ms | total %.1f ms%n", t.poseMapNanos() / 1e6,
                    t.referenceNanos() / 1e6, t.pcmNanos() / 1e6, t.selectionNanos() / 1e6, t.denoiseNanos() / 1e6,
                    t.decodeNanos() / 1e6, t.totalNanos() / 1e6);
            System.out.printf("   inside ONNX Runtime %.1f ms; Java overhead %.1f%% (target < 10%%)%n",
                    t.runtimeNanos() / 1e6, 100 * t.overheadFraction());

            if (longFrames > 0) {
                System.out.printf("%n4. %d frames in a row (%d steps each): resident memory%n", longFrames, longSteps);
                memoryRun(p, project, images, base.withSteps(longSteps));
            }
            return 0;
        } catch (ModelLoadException | GenerationException e) {
            System.err.println("fvstudio bench: " + e.getMessage());
            return 1;
        }
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

    private record Timing(double secondsPerFrame, StageTimings mean, int keptTokens) {
    }

    private static Timing time(ModelPack p, Project project, ReferenceImages images, GenerationOptions o, int frames)
            throws GenerationException {
        GenerationPipeline pipeline = new GenerationPipeline(p, project, images, o);
        StepObserver quiet = (done, steps, preview) -> { };
        FrameResult warm = pipeline.generate(0, quiet); // reference stage and ORT warm-up
        long[] sums = new long[8];
        for (int i = 0; i < frames; i++) {
            StageTimings t = pipeline.generate((i + 1) % project.frameCount(), quiet).timings();
            long[] v = {t.poseMapNanos(), t.referenceNanos(), t.pcmNanos(), t.selectionNanos(), t.denoiseNanos(),
                t.decodeNanos(), t.runtimeNanos(), t.totalNanos()};
            for (int k = 0; k < 8; k++) {
                sums[k] += v[k];
            }
        }
        StageTimings mean = new StageTimings(sums[0] / frames, sums[1] / frames, sums[2] / frames, sums[3] / frames,
                sums[4] / frames, sums[5] / frames, sums[6] / frames, sums[7] / frames);
        int kept = warm.selections().isEmpty() ? 0 : warm.selections().get(0).k();
        return new Timing(mean.totalSeconds(), mean, kept);
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
            System.out.println("   failed: " + outcome);
            return;
        }
        System.out.printf("   RSS at frame 50: %.1f MB, at frame %d: %.1f MB, growth %.1f MB (target < 50 MB); %.3f s/frame%n",
                rss[0], longFrames, rss[1], rss[1] - rss[0], (System.nanoTime() - t0) / 1e9 / longFrames);
    }
}
