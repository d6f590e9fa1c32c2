package org.fvstudio.app.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import javafx.stage.Stage;

import org.fvstudio.ui.StudioApplication;
import org.fvstudio.ui.generation.GeneratedFrame;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;

/**
 * Resident memory of the studio itself (issue 21 item 15): the window the application builds, on the display
 * there is, opens a project, generates its frames in steps through the same workspace as Generate, then
 * moves the playhead over every generated frame as scrubbing does; the memory is read after each step.
 */
public final class StudioMemoryBench {

    /**
     * @param checkpoints frame counts after which memory is read (generating up to each in turn); empty: none
     * @param scrub       whether the playhead then visits every generated frame
     * @param histogram   classes of the heap histogram printed at each reading (0: none)
     */
    public record Options(Path project, StudioHome home, List<Integer> checkpoints, boolean scrub, int histogram) {
    }

    private static final Duration OPEN_LIMIT = Duration.ofMinutes(5);
    private static final Duration GENERATE_LIMIT = Duration.ofHours(2);

    private final Options options;
    private final PrintWriter out;
    private final MemoryProbe probe = new MemoryProbe();
    private final List<MemoryReading> readings = new ArrayList<>();
    private StudioWindow window;

    public StudioMemoryBench(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    public List<MemoryReading> run() throws InterruptedException {
        FxDriver.startToolkit();
        BackgroundTasks tasks = FxDriver.call(BackgroundTasks::new);
        try {
            window = FxDriver.call(() -> {
                Stage stage = new Stage();
                StudioWindow built = StudioApplication.buildStudio(stage, tasks, options.home(), "FV Studio bench").window();
                stage.show();
                return built;
            });
            open(tasks);
            int frameCount = FxDriver.call(() -> window.viewModel().project().frameCount());
            int done = 0;
            for (int target : options.checkpoints()) {
                int upTo = Math.min(target, frameCount);
                if (upTo > done) {
                    generate(done, upTo);
                    done = upTo;
                }
                record("generated " + upTo);
            }
            if (options.scrub()) {
                scrub(done > 0 ? done : frameCount);
            }
            return List.copyOf(readings);
        } finally {
            if (window != null) {
                FxDriver.run(() -> window.generation().close());
                FxDriver.run(() -> window.stage().close());
            }
            tasks.close();
        }
    }

    private void open(BackgroundTasks tasks) throws InterruptedException {
        Path bundle = options.project().toAbsolutePath().normalize();
        FxDriver.run(() -> window.viewModel().open(bundle));
        FxDriver.waitUntil(OPEN_LIMIT, "the project to open", () -> bundle.equals(window.viewModel().document().bundleFolder())
                && tasks.runningProperty().get() == 0);
        awaitRefresh();
        FxDriver.awaitPulses();
        int frames = FxDriver.call(() -> window.viewModel().project().frameCount());
        out.printf(Locale.ROOT, "opened %s: %d frames, %d generated results restored%n", bundle, frames,
                FxDriver.call(() -> window.generation().results().frames().size()));
        out.flush();
        record("opened");
    }

    private void generate(int from, int upTo) throws InterruptedException {
        GenerationWorkspace generation = window.generation();
        List<Integer> frames = IntStream.range(from, upTo).boxed().toList();
        long start = System.nanoTime();
        FxDriver.run(() -> generation.generate(frames));
        FxDriver.waitUntil(GENERATE_LIMIT, "frames " + from + "-" + (upTo - 1), () -> !generation.service().isBusy());
        awaitRefresh();
        String status = FxDriver.call(() -> window.viewModel().statusProperty().get());
        out.printf(Locale.ROOT, "frames %d-%d: %.1f s (%s)%n", from, upTo - 1, (System.nanoTime() - start) / 1e9, status);
        out.flush();
        if (status != null && status.startsWith("Generation failed")) {
            throw new IllegalStateException(status);
        }
    }

    /** The playhead on every frame in turn; the FX thread's time for each move is reported. */
    private void scrub(int frames) throws InterruptedException {
        double[] fxMillis = new double[frames];
        for (int f = 0; f < frames; f++) {
            int frame = f;
            fxMillis[f] = FxDriver.call(() -> {
                long start = System.nanoTime();
                window.viewModel().currentFrameProperty().set(frame);
                return (System.nanoTime() - start) / 1e6;
            });
            FxDriver.awaitPulses();
        }
        double[] sorted = fxMillis.clone();
        Arrays.sort(sorted);
        out.printf(Locale.ROOT, "scrubbed %d frames: FX thread per move mean %.2f ms, p50 %.2f, p95 %.2f, max %.2f%n", frames,
                Arrays.stream(fxMillis).average().orElse(0), sorted[frames / 2], sorted[(int) (frames * 0.95)],
                sorted[frames - 1]);
        out.flush();
        record("scrubbed " + frames);
    }

    private void awaitRefresh() throws InterruptedException {
        GenerationWorkspace generation = window.generation();
        FxDriver.waitUntil(OPEN_LIMIT, "the frame keys", () ->
                generation.refreshesAppliedProperty().get() >= generation.refreshesRequestedProperty().get());
    }

    private void record(String label) throws InterruptedException {
        FxDriver.awaitPulses();
        MemoryReading reading = probe.read(label, FxDriver.call(this::holdings));
        readings.add(reading);
        if (readings.size() == 1) {
            out.println(MemoryReading.HEADER);
            out.println(MemoryReading.UNITS);
        }
        out.println(reading.row());
        out.println("    studio holds: " + reading.holdings());
        String natives = probe.nativeCategories();
        if (!natives.isEmpty()) {
            out.println("    NMT committed MiB: " + natives);
        }
        if (options.histogram() > 0) {
            out.print(probe.histogram(options.histogram()).indent(4));
        }
        out.flush();
    }

    /** What the workspace's results hold (FX thread). */
    private String holdings() {
        var results = window.generation().results().frames().values();
        var pictures = window.generation().pictures();
        long thumbnails = 0;
        long maps = 0;
        for (GeneratedFrame frame : results) {
            thumbnails += 4L * frame.picture().thumbnail().width() * frame.picture().thumbnail().height();
            for (var reference : frame.references()) {
                maps += 4L * reference.correlation().width() * reference.correlation().height();
            }
        }
        return String.format(Locale.ROOT, "%d results, %d full-size pictures in memory %.1f MiB (budget %.0f MiB),"
                        + " thumbnails %.1f MiB, maps %.1f MiB", results.size(), pictures.residentCount(),
                pictures.residentBytes() / (double) (1 << 20), pictures.budgetBytes() / (double) (1 << 20),
                thumbnails / (double) (1 << 20), maps / (double) (1 << 20));
    }
}
