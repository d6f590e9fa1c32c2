package org.fvstudio.inference.adapt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs everywhere: a python without torch is simulated, so the message is checked with or without PyTorch installed. */
class TorchProbeTest {

    @TempDir
    Path tmp;

    /** A python3 that cannot import torch: -S leaves out site-packages, where every torch lives. */
    static Path pythonWithoutTorch(Path dir) throws Exception {
        Path script = dir.resolve("python3-without-torch");
        Files.writeString(script, "#!/bin/sh\nexec python3 -S \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void missingPyTorchSaysWhatIsMissingAndHowToInstallIt() throws Exception {
        Path python = pythonWithoutTorch(tmp);
        assertThatThrownBy(() -> TorchProbe.find(List.of(python, tmp.resolve("no-such-python"))))
                .isInstanceOf(AdaptationException.class)
                .hasMessageStartingWith("Adapting a pack needs PyTorch")
                .hasMessageContaining(python + ": ")
                .hasMessageContaining(tmp.resolve("no-such-python") + ": not found")
                .hasMessageEndingWith(TorchProbe.INSTALL_HINT);
        String message = catchMessage(python);
        // where python3 exists the import error is quoted; without python3 at all the shell's error is
        assertThat(message).containsAnyOf("No module named", "not found");
        assertThat(TorchProbe.INSTALL_HINT).contains("sudo apt install python3-torch").contains("FVSTUDIO_PYTHON");
    }

    @Test
    void aNamedPythonIsTheOnlyOneTried() throws Exception {
        Path python = pythonWithoutTorch(tmp);
        String saved = System.getProperty("fvstudio.python");
        System.setProperty("fvstudio.python", python.toString());
        try {
            assertThat(TorchProbe.candidates()).containsExactly(python);
        } finally {
            if (saved == null) {
                System.clearProperty("fvstudio.python");
            } else {
                System.setProperty("fvstudio.python", saved);
            }
        }
    }

    private static String catchMessage(Path python) {
        try {
            TorchProbe.find(List.of(python));
            throw new AssertionError("a python started with -S imported torch");
        } catch (AdaptationException e) {
            return e.getMessage();
        }
    }
}
