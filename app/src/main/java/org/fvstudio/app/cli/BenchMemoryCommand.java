package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.fvstudio.app.bench.MotionProjects;
import org.fvstudio.app.bench.StudioMemoryBench;
import org.fvstudio.app.desktop.DesktopReadiness;
import org.fvstudio.app.desktop.DesktopRequirements;
import org.fvstudio.assets.BundledAssets;
import org.fvstudio.bench.RealData;
import org.fvstudio.ui.settings.StudioHome;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fvstudio bench memory [PROJECT]}: resident memory of the studio after opening, generating and scrubbing (issue 21.15). */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = {"Resident memory of the studio window (needs a display, e.g. Xvfb) after opening a project,",
            "after generating its first frames in steps (--generate) and after the playhead visited each of them.",
            "Without PROJECT: a copy of the bundled sample with the checkout's CMU clip imported (551 frames at 24 fps).",
            "Each reading: RSS, heap used and committed before and after a full GC, direct buffers, metaspace,",
            "and native memory tracking when the JVM runs with -XX:NativeMemoryTracking=summary."})
public final class BenchMemoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
            description = "project bundle to open as it is (its render cache included)")
    Path project;

    @Option(names = "--bvh", paramLabel = "FILE",
            description = "clip imported into the copy of the sample (default: " + RealData.CMU_CLIP + " of the checkout)")
    Path bvh;

    @Option(names = "--generate", split = ",", paramLabel = "N", defaultValue = "100,250,500",
            description = "read memory after generating frames up to each count, in turn (default: ${DEFAULT-VALUE}; 0: none)")
    List<Integer> checkpoints;

    @Option(names = "--no-scrub", description = "do not move the playhead over the generated frames")
    boolean noScrub;

    @Option(names = "--histogram", paramLabel = "N", defaultValue = "0",
            description = "print the N largest classes of the heap histogram at each reading (default: none)")
    int histogram;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "build the project copy in DIR (a new folder) and keep it, e.g. to measure opening it again")
    Path keep;

    @Option(names = "--home", paramLabel = "DIR",
            description = "studio home (preferences); default: a new empty one, so the defaults apply")
    Path home;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (histogram < 0 || checkpoints.stream().anyMatch(n -> n < 0)) {
            err.println("fvstudio bench memory: --generate counts and --histogram must be >= 0");
            return 2;
        }
        DesktopReadiness desktop = DesktopRequirements.ofThisMachine().check();
        if (!desktop.ready()) {
            err.println("fvstudio bench memory: " + desktop.message());
            return 1;
        }
        List<Path> temporary = new ArrayList<>();
        try {
            Path bundle = project != null ? project : sampleWithClip(err, temporary);
            if (bundle == null) {
                return 1;
            }
            if (!Files.isRegularFile(bundle.resolve("project.json"))) {
                err.println("fvstudio bench memory: " + bundle + ": not a project bundle (no project.json inside)");
                return 2;
            }
            Path studioHome = home != null ? home : temp("fvstudio-bench-home", temporary);
            out.printf("fvstudio bench memory: %s%nmachine: %s%nJVM options: %s%n", bundle, CliSupport.machine(),
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(a -> a.startsWith("-X")).toList()));
            out.flush();
            List<Integer> steps = checkpoints.stream().filter(n -> n > 0).sorted().toList();
            new StudioMemoryBench(new StudioMemoryBench.Options(bundle, new StudioHome(studioHome), steps, !noScrub,
                    histogram), out).run();
            out.println("load average at the end: " + CliSupport.loadAverage());
            out.flush();
            return 0;
        } finally {
            for (Path folder : temporary) {
                deleteTree(folder);
            }
        }
    }

    private Path sampleWithClip(PrintWriter err, List<Path> temporary) throws Exception {
        Path clip = bvh != null ? bvh : RealData.find(RealData.CMU_CLIP).orElse(null);
        if (clip == null || !Files.isRegularFile(clip)) {
            err.println("fvstudio bench memory: " + (clip == null ? RealData.searched(RealData.CMU_CLIP) + " not found"
                    : clip + ": file not found") + "; pass --bvh or a PROJECT");
            return null;
        }
        Path sample = BundledAssets.locate().flatMap(BundledAssets::sampleProject).orElse(null);
        if (sample == null) {
            err.println("fvstudio bench memory: the bundled sample project was not found; pass a PROJECT");
            return null;
        }
        Path target;
        if (keep != null) {
            if (Files.exists(keep)) {
                err.println("fvstudio bench memory: --keep " + keep + " exists already; name a new folder");
                return null;
            }
            target = keep;
        } else {
            target = temp("fvstudio-bench-memory", temporary).resolve("Memory.fvs");
        }
        MotionProjects.create(sample, clip, target);
        return target;
    }

    private static Path temp(String prefix, List<Path> temporary) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        temporary.add(folder);
        return folder;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
