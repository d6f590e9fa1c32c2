package org.fvstudio.app.desktop;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of {@link DesktopRequirements#check()}: whether an X display is set and which libraries are
 * absent, and the one paragraph that tells a user what to install.
 */
public record DesktopReadiness(boolean hasDisplay, List<SystemLibrary> missingLibraries) {

    public static final DesktopReadiness READY = new DesktopReadiness(true, List.of());

    public DesktopReadiness {
        missingLibraries = List.copyOf(missingLibraries);
    }

    public boolean ready() {
        return hasDisplay && missingLibraries.isEmpty();
    }

    /** What a user reads when the studio cannot open its window; empty when ready. */
    public String message() {
        if (ready()) {
            return "";
        }
        StringBuilder text = new StringBuilder("FV Studio cannot open its window: ");
        if (!missingLibraries.isEmpty()) {
            text.append("this system lacks ")
                    .append(missingLibraries.stream().map(lib -> lib.soname() + " (" + lib.role() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(", which the JavaFX desktop toolkit loads. Install ")
                    .append(missingLibraries.size() == 1 ? "it" : "them")
                    .append(" on Debian or Ubuntu with\n\n    sudo apt-get install ")
                    .append(join(missingLibraries, SystemLibrary::debianPackage))
                    .append("\n\n(Fedora: sudo dnf install ")
                    .append(join(missingLibraries, SystemLibrary::fedoraPackage))
                    .append(")");
            if (!hasDisplay) {
                text.append(", and ");
            } else {
                text.append(". ");
            }
        }
        if (!hasDisplay) {
            text.append(missingLibraries.isEmpty() ? "" : "also ")
                    .append("no display is set (DISPLAY is empty): start it from a desktop session, or over ssh with "
                            + "X forwarding (ssh -X), or under a virtual display such as xvfb-run. ");
        }
        text.append("Without a window, 'fvstudio render', 'fvstudio extract' and 'fvstudio info' still work "
                + "(see 'fvstudio --help').");
        return text.toString();
    }

    private static String join(List<SystemLibrary> libraries, java.util.function.Function<SystemLibrary, String> name) {
        return libraries.stream().map(name).distinct().collect(Collectors.joining(" "));
    }
}
