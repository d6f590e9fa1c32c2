package org.fvstudio.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopLauncherTest {

    @TempDir
    Path libs;

    private final StringWriter err = new StringWriter();

    @Test
    void aMissingLibraryStopsBeforeTheToolkitStarts() {
        AtomicBoolean started = new AtomicBoolean();
        int status = launcher(Map.of("DISPLAY", ":0")).launch(() -> started.set(true));

        assertThat(status).isEqualTo(DesktopLauncher.EXIT_NO_DESKTOP);
        assertThat(started).isFalse();
        assertThat(err.toString()).contains("cannot open its window", "libgtk-3.so.0", "fvstudio.log")
                .doesNotContain("\tat ");
    }

    @Test
    void aReadyDesktopRunsTheStudio() throws Exception {
        installAll();
        AtomicBoolean started = new AtomicBoolean();
        int status = launcher(Map.of("DISPLAY", ":0")).launch(() -> started.set(true));
        assertThat(status).isZero();
        assertThat(started).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aToolkitThatStillFailsIsExplainedWithoutATrace() throws Exception {
        installAll();
        int status = launcher(Map.of("DISPLAY", ":0")).launch(() -> {
            throw new RuntimeException("Application launch error",
                    new UnsupportedOperationException("Unable to open DISPLAY"));
        });
        assertThat(status).isEqualTo(DesktopLauncher.EXIT_NO_DESKTOP);
        assertThat(err.toString()).contains("does not answer", "X server").doesNotContain("\tat ", "Exception");
    }

    @Test
    void glassFailingToLoadGtkNamesThePackages() {
        assertThat(DesktopLauncher.toolkitFailure("Unable to load glass GTK library.", ":1"))
                .contains("could not load GTK 3", "sudo apt-get install libgtk-3-0", "dnf install gtk3");
        assertThat(DesktopLauncher.toolkitFailure("Unable to open DISPLAY", ":1")).contains("'" + ":1" + "'");
    }

    private DesktopLauncher launcher(Map<String, String> environment) {
        DesktopRequirements requirements = new DesktopRequirements("Linux", environment,
                new LibrarySearchPath(List.of(libs), Set.of()));
        return new DesktopLauncher(requirements, new PrintWriter(err, true));
    }

    private void installAll() throws Exception {
        for (SystemLibrary library : DesktopRequirements.LINUX_LIBRARIES) {
            Files.writeString(libs.resolve(library.soname()), "");
        }
    }
}
