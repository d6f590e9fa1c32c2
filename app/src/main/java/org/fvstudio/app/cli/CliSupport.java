package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fvstudio.inference.job.ProgressEvent;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.inference.pipeline.BundleReferenceImages;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.ui.generation.PackResolver;

/** Small helpers shared by the commands (render, info, bench and its sub-commands). */
final class CliSupport {

    private CliSupport() {
    }

    /** The most denoising steps a command accepts: well beyond any scheduler's use, far from overflow. */
    static final int MAX_STEPS = 1000;

    /** Checks the options every generating command shares, before anything loads; the message names the option. */
    static void checkGenerationOptions(Integer steps, String device, int threads) {
        if (steps != null && (steps < 1 || steps > MAX_STEPS)) {
            throw new IllegalArgumentException("--steps must be 1 to " + MAX_STEPS + ", got " + steps);
        }
        if (device != null) {
            DevicePreference.parse(device);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (automatic) or more, got " + threads);
        }
    }

    static SessionSettings settings(String device, int threads) {
        SessionSettings s = SessionSettings.defaults().withDevice(DevicePreference.parse(device));
        return threads > 0 ? s.withIntraOpThreads(threads) : s;
    }

    /** Reference pictures from the bundle's references/ folder. */
    static ReferenceImages images(ProjectBundle bundle) {
        return new BundleReferenceImages(bundle);
    }

    /** One line of the terminal progress bar, redrawn in place. */
    static void progressBar(PrintStream err, ProgressEvent e) {
        int width = 30;
        int filled = (int) Math.round(e.fraction() * width);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String eta = e.eta().map(d -> String.format(" ETA %d:%02d", d.toMinutes(), d.toSecondsPart())).orElse("");
        err.printf("\r[%s] %3.0f%%  frame %d/%d  step %d/%d%s   ", bar, e.fraction() * 100, e.frameIndex() + 1,
                e.frameCount(), e.step(), e.steps(), eta);
        err.flush();
    }

    /** "2 CPU cores, 24 GiB RAM, 2026-11-21, load average 4.62 5.44 7.58, OpenJDK 64-Bit Server VM 17.0.15": what a benchmark ran on. */
    static String machine() {
        long bytes = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
        String memory = bytes > 0 ? String.format(java.util.Locale.ROOT, "%.0f GiB RAM", bytes / (double) (1L << 30)) : "RAM unknown";
        return Runtime.getRuntime().availableProcessors() + " CPU cores, " + memory + ", " + java.time.LocalDate.now()
                + ", load average " + loadAverage() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Median of the values (the mean of the middle two for an even count). */
    static double median(double[] v) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Runs a printer that writes to a {@link PrintStream} (the benchmark classes of the library modules) and
     * hands what it printed to the command's writer, so picocli's {@code setOut} sees it.
     */
    static <E extends Exception> void printTo(java.io.PrintWriter out, StreamPrinter<E> printer) throws E {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8)) {
            printer.print(stream);
        } finally {
            out.print(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Something that prints to a stream and may fail. */
    @FunctionalInterface
    interface StreamPrinter<E extends Exception> {
        void print(PrintStream out) throws E;
    }

    /** Resident set size of this process in MB (Linux), or -1 where /proc is not available. */
    static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The pack a command runs: {@code --pack} (a folder, relative to where the user typed it, or an id) when
     * given, else the project's pack; ids resolve the same way as in the studio (the bundled packs first). A
     * bare name is a folder only when it holds a pack.json; a value with a slash is always a folder.
     */
    static Path resolvePack(String commandLine, String projectPack) throws PackException {
        return resolvePack(commandLine, projectPack, null);
    }

    /** As {@link #resolvePack(String, String)}, looking first among the packs inside the project bundle {@code bundle}. */
    static Path resolvePack(String commandLine, String projectPack, Path bundle) throws PackException {
        if (commandLine != null) {
            Path typed = Path.of(commandLine);
            boolean looksLikePath = typed.isAbsolute() || typed.getNameCount() > 1 || commandLine.startsWith(".");
            if (Files.isDirectory(typed) && (looksLikePath || Files.isRegularFile(typed.resolve("pack.json")))) {
                return typed.toAbsolutePath().normalize();
            }
            return PackResolver.resolve(commandLine, bundle);
        }
        return PackResolver.resolve(projectPack, bundle);
    }
}
