package org.fvstudio.app.desktop;

import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the studio window, or says in one paragraph why it cannot: the system is checked before JavaFX starts,
 * and a toolkit that still fails to start (a display that does not answer, say) is caught and explained too.
 * The user reads the paragraph; the stack trace goes to the log file only.
 */
public final class DesktopLauncher {

    /** Exit status when the desktop is unavailable; distinct from bad input (2) and failed work (1). */
    public static final int EXIT_NO_DESKTOP = 3;

    /** Logged to the file only (logback.xml), so that a trace never reaches the terminal. */
    private static final Logger LOG = LoggerFactory.getLogger("org.fvstudio.app.desktop.startup");

    private final DesktopRequirements requirements;
    private final PrintWriter err;

    public DesktopLauncher(DesktopRequirements requirements, PrintWriter err) {
        this.requirements = requirements;
        this.err = err;
    }

    /** Runs {@code startStudio} (which blocks until the window closes) when the desktop is ready. */
    public int launch(Runnable startStudio) {
        DesktopReadiness readiness = requirements.check();
        if (!readiness.ready()) {
            LOG.error("Desktop unavailable: {}", readiness.message());
            return explain(readiness.message());
        }
        try {
            startStudio.run();
            return 0;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("The studio window could not start", e);
            return explain(toolkitFailure(rootMessage(e), System.getenv("DISPLAY")));
        }
    }

    /** Turns JavaFX's reason into the user's terms. */
    static String toolkitFailure(String reason, String display) {
        String text = reason == null ? "" : reason;
        String what;
        if (text.contains("Unable to open DISPLAY")) {
            what = "the display " + (display == null || display.isBlank() ? "(DISPLAY is empty)" : "'" + display + "'")
                    + " does not answer: is an X server running there, and may this user connect to it (xhost, "
                    + "XAUTHORITY)?";
        } else if (text.contains("glass") || text.contains("GTK")) {
            what = "the JavaFX desktop toolkit could not load GTK 3 (" + text + "). On Debian or Ubuntu: "
                    + "sudo apt-get install libgtk-3-0 libxtst6 (Fedora: sudo dnf install gtk3 libXtst).";
        } else {
            what = text.isBlank() ? "the desktop toolkit failed to start." : text;
        }
        return "FV Studio cannot open its window: " + what + " Without a window, 'fvstudio render', "
                + "'fvstudio extract' and 'fvstudio info' still work (see 'fvstudio --help').";
    }

    private int explain(String message) {
        err.println(message);
        err.println("Details: " + logFile());
        err.flush();
        return EXIT_NO_DESKTOP;
    }

    private static String logFile() {
        String home = System.getProperty("fvstudio.home", System.getProperty("user.home") + "/.fvstudio");
        return home + "/logs/fvstudio.log";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
