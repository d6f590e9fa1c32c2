package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 item 6: the bundled pack is found from any working folder, the way the launchers run the CLI. */
class CliFromAnyFolderTest {

    @TempDir
    Path elsewhere;

    @Test
    void infoFindsTheBundledPackFromAnotherFolderAndIgnoresAFolderOfTheSameName() throws Exception {
        Path assets = Path.of(System.getProperty("user.dir")).resolve("../assets").toRealPath();
        // A folder named like the pack in the working folder must not be taken for it.
        Files.createDirectories(elsewhere.resolve("fvs-tiny"));

        Result result = run(elsewhere, "-Dfvstudio.assets=" + assets, "info", "fvs-tiny", "--device", "cpu");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("fvs-tiny").contains(assets.resolve("packs").resolve("fvs-tiny").toString());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path workingDir, String property, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dai.djl.offline=true");
        command.add(property);
        command.add("-Dfvstudio.home=" + workingDir.resolve("home"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.fvstudio.app.FvStudio");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
