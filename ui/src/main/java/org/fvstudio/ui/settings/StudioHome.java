package org.fvstudio.ui.settings;

import java.nio.file.Path;

/**
 * The studio's per-user folder: {@code ~/.fvstudio}, or the system property {@code fvstudio.home}
 * (tests point it into target/). Holds logs, recent projects, untitled scratch bundles and caches.
 */
public final class StudioHome {

    public static final String PROPERTY = "fvstudio.home";

    private final Path root;

    public StudioHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static StudioHome fromSystem() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new StudioHome(Path.of(configured));
        }
        return new StudioHome(Path.of(System.getProperty("user.home"), ".fvstudio"));
    }

    public Path root() {
        return root;
    }

    public Path recentProjectsFile() {
        return root.resolve("recent.json");
    }

    /** Where untitled projects live until Save As. */
    public Path untitledFolder() {
        return root.resolve("untitled");
    }

    /** Divider positions and other window layout that the studio remembers between sessions. */
    public Path windowLayoutFile() {
        return root.resolve("window-layout.json");
    }

    public Path logsFolder() {
        return root.resolve("logs");
    }
}
