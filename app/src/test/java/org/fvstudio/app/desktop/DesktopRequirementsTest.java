package org.fvstudio.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopRequirementsTest {

    @TempDir
    Path libs;

    @Test
    void aLinuxMachineWithADisplayAndEveryLibraryIsReady() throws IOException {
        installAll();
        DesktopReadiness readiness = linux(Map.of("DISPLAY", ":0"), Set.of()).check();
        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.message()).isEmpty();
    }

    @Test
    void aMissingGtkNamesTheLibraryAndTheInstallCommands() throws IOException {
        installAll();
        Files.delete(libs.resolve("libgtk-3.so.0"));
        DesktopReadiness readiness = linux(Map.of("DISPLAY", ":0"), Set.of()).check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missingLibraries()).extracting(SystemLibrary::soname).containsExactly("libgtk-3.so.0");
        assertThat(readiness.message())
                .contains("libgtk-3.so.0", "sudo apt-get install libgtk-3-0", "sudo dnf install gtk3",
                        "'fvstudio render'", "'fvstudio extract'", "'fvstudio info'")
                .doesNotContain("DISPLAY", "Exception");
    }

    @Test
    void everyMissingLibraryIsNamedInOneInstallLine() throws IOException {
        DesktopReadiness readiness = linux(Map.of("DISPLAY", ":0"), Set.of()).check();
        assertThat(readiness.missingLibraries()).hasSameSizeAs(DesktopRequirements.LINUX_LIBRARIES);
        assertThat(readiness.message())
                .contains("sudo apt-get install libx11-6 libgtk-3-0 libxtst6 libfreetype6 libfontconfig1");
    }

    @Test
    void noDisplayIsExplainedWithWaysToGetOne() throws IOException {
        installAll();
        DesktopReadiness readiness = linux(Map.of(), Set.of()).check();
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missingLibraries()).isEmpty();
        assertThat(readiness.message()).contains("DISPLAY is empty", "ssh -X", "xvfb-run").doesNotContain("apt-get");
    }

    @Test
    void aHiddenLibraryCountsAsMissingSoCiCanProveTheMessage() throws IOException {
        installAll();
        LibrarySearchPath search = LibrarySearchPath.ofThisProcess(Map.of(
                "LD_LIBRARY_PATH", libs.toString(), LibrarySearchPath.HIDE_VARIABLE, "libgtk-3.so.0, libXtst.so.6"));
        assertThat(search.folders()).startsWith(libs);
        assertThat(search.contains("libX11.so.6")).isTrue();
        assertThat(search.contains("libgtk-3.so.0")).isFalse();
        assertThat(search.contains("libXtst.so.6")).isFalse();
    }

    @Test
    void otherSystemsAreNotChecked() {
        DesktopRequirements windows = new DesktopRequirements("Windows 11", Map.of(),
                new LibrarySearchPath(List.of(libs), Set.of()));
        assertThat(windows.check().ready()).isTrue();
    }

    private DesktopRequirements linux(Map<String, String> environment, Set<String> hidden) {
        return new DesktopRequirements("Linux", environment, new LibrarySearchPath(List.of(libs), hidden));
    }

    private void installAll() throws IOException {
        for (SystemLibrary library : DesktopRequirements.LINUX_LIBRARIES) {
            Files.writeString(libs.resolve(library.soname()), "");
        }
    }
}
