package org.fvstudio.app.desktop;

import java.util.List;
import java.util.Map;

/**
 * What JavaFX's Linux desktop toolkit (glass on GTK 3, drawing with Prism) needs of the system before a window
 * can open: an X display and the libraries that its native code links against. Checked before JavaFX starts,
 * so that a missing piece becomes a message instead of a toolkit stack trace.
 */
public final class DesktopRequirements {

    /** Read off the NEEDED entries of JavaFX 21's libglass.so, libglassgtk3.so and font libraries. */
    static final List<SystemLibrary> LINUX_LIBRARIES = List.of(
            new SystemLibrary("libX11.so.6", "libx11-6", "libX11", "the X11 connection"),
            new SystemLibrary("libgtk-3.so.0", "libgtk-3-0", "gtk3", "the GTK 3 windowing toolkit"),
            new SystemLibrary("libXtst.so.6", "libxtst6", "libXtst", "keyboard and mouse input"),
            new SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype", "text rendering"),
            new SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig", "font lookup"));

    private final String osName;
    private final Map<String, String> environment;
    private final LibrarySearchPath libraries;

    public DesktopRequirements(String osName, Map<String, String> environment, LibrarySearchPath libraries) {
        this.osName = osName;
        this.environment = Map.copyOf(environment);
        this.libraries = libraries;
    }

    public static DesktopRequirements ofThisMachine() {
        Map<String, String> environment = System.getenv();
        return new DesktopRequirements(System.getProperty("os.name", ""), environment,
                LibrarySearchPath.ofThisProcess(environment));
    }

    /** What is missing; on systems other than Linux nothing is checked (their toolkits ship with the OS). */
    public DesktopReadiness check() {
        if (!osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return DesktopReadiness.READY;
        }
        boolean display = !environment.getOrDefault("DISPLAY", "").isBlank();
        List<SystemLibrary> missing = LINUX_LIBRARIES.stream().filter(lib -> !libraries.contains(lib.soname())).toList();
        return new DesktopReadiness(display, missing);
    }
}
