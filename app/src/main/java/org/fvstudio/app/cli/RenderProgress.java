package org.fvstudio.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.fvstudio.inference.job.ProgressEvent;

/**
 * How {@code fvstudio render} reports progress: a bar redrawn in place on a terminal, or one line per finished
 * frame with no carriage return ({@code plain}, the default when standard error is not a terminal: what a farm
 * console or a log file shows), or nothing.
 */
final class RenderProgress {

    private enum Mode { BAR, PLAIN, NONE }

    private final Mode mode;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private boolean barDrawn;

    private RenderProgress(Mode mode, PrintStream err) {
        this.mode = mode;
        this.err = err;
    }

    /** @param name auto, bar, plain or none */
    static RenderProgress of(String name, PrintStream err) {
        Mode mode = switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> System.console() != null ? Mode.BAR : Mode.PLAIN;
            case "bar" -> Mode.BAR;
            case "plain" -> Mode.PLAIN;
            case "none" -> Mode.NONE;
            default -> throw new IllegalArgumentException("--progress must be auto, bar, plain or none, got '" + name + "'");
        };
        return new RenderProgress(mode, err);
    }

    void step(ProgressEvent e) {
        if (mode == Mode.BAR) {
            CliSupport.progressBar(err, e);
            barDrawn = true;
        }
    }

    /** A frame of the {@code total} this run writes is done; {@code done} counts it. */
    void frameDone(int frame, int done, int total, double seconds) {
        if (mode != Mode.PLAIN) {
            return;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long eta = Math.round(elapsed / done * (total - done));
        err.printf(Locale.ROOT, "frame %d done (%d/%d, %.2f s, ETA %d:%02d)%n", frame, done, total, seconds, eta / 60, eta % 60);
        err.flush();
    }

    /** Ends the bar's line, so the next message starts on its own. */
    void finish() {
        if (barDrawn) {
            err.println();
            barDrawn = false;
        }
    }
}
