package org.fvstudio.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.fvstudio.bench.RealData;
import org.fvstudio.motion.bvh.BvhFormatException;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.DwposeRenderer;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraPresets;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.PoseTrack;

/**
 * Scrubbing cost: the time to sample the camera-transformed target pose of one frame and draw it
 * with the DWPose renderer, as the viewer does on every playhead move. Frames are visited in a
 * forward sweep, a backward sweep and random jumps; the figures are printed, not asserted.
 *
 * <p>{@code java -cp ... org.fvstudio.app.bench.ScrubBenchmark [BVH] [--frames N] [--size PX] [--passes N]}
 * builds a project from the BVH (default: the CMU 01_01 clip of the real test material) with a key on
 * every frame and a dolly-in over the whole range.
 */
public final class ScrubBenchmark {

    /** Timings in milliseconds per frame. */
    public record Result(int frames, int size, int samples, double meanMs, double p50Ms, double p95Ms, double maxMs,
                         double sampleMeanMs, double drawMeanMs, double cpuMeanMs, double cpuP95Ms) {

        public String describe() {
            return String.format(Locale.ROOT,
                    "scrub %d-frame project at %dx%d, %d samples: wall mean %.3f ms, p50 %.3f ms, p95 %.3f ms, max %.3f ms"
                            + " (sample %.3f ms + draw %.3f ms); thread CPU mean %.3f ms, p95 %.3f ms; target < 4 ms",
                    frames, size, size, samples, meanMs, p50Ms, p95Ms, maxMs, sampleMeanMs, drawMeanMs, cpuMeanMs, cpuP95Ms);
        }
    }

    /** Keeps the rendered pixels observable so the JIT cannot drop the drawing. */
    private static volatile long sink;

    private ScrubBenchmark() {
    }

    /** A project of {@code frames} frames keyed on every frame from a BVH clip at its native rate, with a dolly-in. */
    public static Project projectFromBvh(Path bvh, int frames, int size) throws IOException, BvhFormatException {
        BvhPoseTrackBuilder builder = new BvhPoseTrackBuilder(BvhParser.parse(bvh));
        double fps = Math.round(builder.motion().framesPerSecond());
        if (builder.frameCountAt(fps) < frames) {
            fps = Math.ceil((frames - 1) / builder.motion().duration());
        }
        OrbitCameraTrack orbit = builder.followCamera(size, size, fps, (int) fps);
        PoseTrack target = builder.build(fps, frames, orbit, size, size);
        Pose first = target.sample(0, size, size);
        CameraTrack camera = CameraPresets.dollyIn(CameraTrack.empty(), first.people().get(0), size, size, 0, frames - 1, 0.5);
        return new Project("scrub-benchmark", fps, frames, size, size, List.of(), target, camera, GenerationSettings.DEFAULTS);
    }

    public static Result run(Project project, int passes, long seed) {
        int n = project.frameCount();
        int size = project.canvasWidth();
        DwposeRenderer renderer = new DwposeRenderer();
        RgbImage image = new RgbImage(project.canvasWidth(), project.canvasHeight());
        // warm-up: let the JIT compile sampling and drawing
        for (int i = 0; i < Math.min(n, 3000); i++) {
            renderer.renderInto(project.targetPoseAt(i % n), image);
        }
        int[] order = visitOrder(n, passes, seed);
        double[] total = new double[order.length];
        double[] cpu = new double[order.length];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        double sampleSum = 0;
        double drawSum = 0;
        long checksum = 0;
        for (int i = 0; i < order.length; i++) {
            long c0 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            Pose pose = project.targetPoseAt(order[i]);
            long t1 = System.nanoTime();
            renderer.renderInto(pose, image);
            long t2 = System.nanoTime();
            cpu[i] = cpuTime ? (threads.getCurrentThreadCpuTime() - c0) / 1e6 : Double.NaN;
            checksum += image.packedPixels()[(order[i] * 7919) % image.packedPixels().length];
            total[i] = (t2 - t0) / 1e6;
            sampleSum += (t1 - t0) / 1e6;
            drawSum += (t2 - t1) / 1e6;
        }
        sink = checksum;
        double[] sorted = total.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(total).average().orElse(0);
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        return new Result(n, size, total.length, mean, percentile(sorted, 0.5), percentile(sorted, 0.95),
                sorted[sorted.length - 1], sampleSum / total.length, drawSum / total.length,
                Arrays.stream(cpu).average().orElse(Double.NaN), percentile(cpuSorted, 0.95));
    }

    public static void main(String[] args) throws Exception {
        Path bvh = null;
        int frames = 2000;
        int size = 512;
        int passes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> bvh = Path.of(args[i]);
            }
        }
        if (bvh == null) {
            bvh = defaultBvh();
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "building a %d-frame project from %s ...%n", frames, bvh);
        Project project = projectFromBvh(bvh, frames, size);
        Result result = run(project, passes, 42);
        out.println(result.describe());
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "machine: %d cores, load average %.1f, %s %s%n", Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    private static Path defaultBvh() throws IOException {
        return RealData.find(RealData.CMU_CLIP).orElseThrow(() ->
                new IOException("no BVH given and " + RealData.searched(RealData.CMU_CLIP) + " not found; pass a BVH file as argument"));
    }

    private static int[] visitOrder(int n, int passes, long seed) {
        int[] order = new int[n * passes];
        Random random = new Random(seed);
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < n; i++) {
                order[p * n + i] = switch (p % 3) {
                    case 0 -> i;
                    case 1 -> n - 1 - i;
                    default -> random.nextInt(n);
                };
            }
        }
        return order;
    }

    private static double percentile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
