package org.fvstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.fvstudio.app.farm.FrameFolder;
import org.fvstudio.app.farm.FrameSelection;
import org.fvstudio.app.farm.LocalWorker;
import org.fvstudio.assets.BundledAssets;
import org.fvstudio.project.io.ProjectBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fvstudio bench farm [PROJECT]}: N local worker processes ({@code fvstudio render --chunk i/N} into one
 * folder) over the same frames, for each N asked; prints the wall time and frames per second, and the start-up cost
 * of one chunk (JVM and pack load: a one-frame render's wall time less that frame's own time), so that users can
 * choose a chunk size that makes the start-up a small share of a task.
 */
@Command(name = "farm", mixinStandardHelpOptions = true,
        description = {"Local farm workers (separate processes, one shared --out) over the same frames:",
            "frames per second for each worker count, and the per-chunk start-up cost (JVM + pack load)."})
public final class BenchFarmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "project bundle (default: the bundled sample)")
    Path project;

    @Option(names = "--workers", split = ",", defaultValue = "1,2", description = "worker counts to run in turn (default: ${DEFAULT-VALUE})")
    List<Integer> workers;

    @Option(names = "--frames", paramLabel = "SPEC", defaultValue = "0-23", description = "frames (default: ${DEFAULT-VALUE})")
    String frames;

    @Option(names = "--steps", defaultValue = "4", description = "denoising steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime threads of each worker (0 = its default)")
    int threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path bundle = project != null ? project
                : BundledAssets.locate().flatMap(BundledAssets::sampleProject).orElse(null);
        if (bundle == null) {
            err.println("fvstudio bench farm: name a PROJECT (the bundled sample was not found)");
            return ExitCodes.USAGE;
        }
        int frameCount;
        try {
            CliSupport.checkGenerationOptions(steps, device, threads);
            frameCount = FrameSelection.resolve(frames, null, false, ProjectBundle.open(bundle).project().frameCount()).size();
            if (workers.isEmpty() || workers.stream().anyMatch(w -> w < 1 || w > frameCount)) {
                throw new IllegalArgumentException("--workers must each be 1 to the number of frames (" + frameCount + ")");
            }
        } catch (IllegalArgumentException e) {
            err.println("fvstudio bench farm: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path work = Files.createTempDirectory("fvstudio-bench-farm");
        try {
            out.printf("bench farm: %s, frames %s (%d), %d steps, device %s, threads %s%n", bundle.getFileName(), frames,
                    frameCount, steps, device, threads == 0 ? "ORT default" : threads);
            out.println("machine: " + CliSupport.machine());
            double[] single = oneFrame(bundle, work);
            if (single == null) {
                err.println("fvstudio bench farm: the one-frame render failed; see " + work.resolve("startup.log"));
                return ExitCodes.FAILED;
            }
            double startup = single[0] - single[1];
            out.printf(Locale.ROOT, "start-up per chunk (JVM + pack load): %.2f s  (one-frame render %.2f s wall, the frame %.2f s)%n",
                    startup, single[0], single[1]);
            out.println("workers  wall s  frames/s  frames/s per worker");
            double perFrame = single[1];
            for (int n : workers) {
                Double wall = run(bundle, work.resolve("w" + n), n);
                if (wall == null) {
                    err.println("fvstudio bench farm: a worker of " + n + " failed; see " + work.resolve("w" + n));
                    return ExitCodes.FAILED;
                }
                out.printf(Locale.ROOT, "%7d  %6.2f  %8.2f  %8.2f%n", n, wall, frameCount / wall, frameCount / wall / n);
                if (n == 1 && wall > startup) {
                    perFrame = (wall - startup) / frameCount; // warm frames, which a long chunk is made of
                }
            }
            perFrame = Math.max(1e-3, perFrame);
            out.printf(Locale.ROOT, "chunk size: start-up below 10%% of a task needs chunks of at least %d frames at %.2f s a frame%n",
                    (int) Math.ceil(startup * 9 / perFrame), perFrame);
            out.flush();
            return ExitCodes.OK;
        } finally {
            deleteTree(work);
        }
    }

    /** Wall seconds of a one-frame render and the frame's own seconds, or null when it failed. */
    private double[] oneFrame(Path bundle, Path work) throws IOException, InterruptedException {
        Path folder = work.resolve("startup");
        long start = System.nanoTime();
        Process p = LocalWorker.start(List.of(), renderArgs(bundle, folder, List.of("--frames", first())), work,
                work.resolve("startup.log"));
        if (p.waitFor() != 0) {
            return null;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Path stats = folder.resolve(FrameFolder.frameName(Integer.parseInt(first())) + ".json");
        return new double[] {wall, new ObjectMapper().readTree(stats.toFile()).get("seconds").asDouble()};
    }

    private String first() {
        return Integer.toString(FrameSelection.resolve(frames, null, false, Integer.MAX_VALUE).get(0));
    }

    /** Wall seconds of {@code n} concurrent workers over the frames, or null when one failed. */
    private Double run(Path bundle, Path folder, int n) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        long start = System.nanoTime();
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            running.add(LocalWorker.start(List.of(), renderArgs(bundle, folder.resolve("out"),
                    List.of("--frames", frames, "--chunk", i + "/" + n)), folder, folder.resolve("worker" + i + ".log")));
        }
        boolean ok = true;
        for (Process p : running) {
            ok &= p.waitFor() == 0;
        }
        return ok ? (System.nanoTime() - start) / 1e9 : null;
    }

    private List<String> renderArgs(Path bundle, Path out, List<String> frameArgs) {
        List<String> args = new ArrayList<>(List.of("render", bundle.toAbsolutePath().toString()));
        args.addAll(frameArgs);
        args.addAll(List.of("--out", out.toString(), "--steps", Integer.toString(steps), "--device", device,
                "--threads", Integer.toString(threads), "--progress", "none"));
        return args;
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
