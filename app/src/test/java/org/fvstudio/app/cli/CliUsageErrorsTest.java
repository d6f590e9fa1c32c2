package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** Issue 20 item 7: bad options are usage errors (exit 2) with one line naming the option, before anything loads. */
class CliUsageErrorsTest {

    @TempDir
    static Path temp;

    private static Path project;

    @BeforeAll
    static void project() throws Exception {
        project = CliProjects.create(temp.resolve("Usage.fvs"), 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--steps|0|--steps must be 1 to 1000, got 0",
        "--steps|-3|--steps must be 1 to 1000, got -3",
        "--steps|2147483647|--steps must be 1 to 1000, got 2147483647",
        "--device|tpu|unknown device 'tpu': expected auto, cpu or cuda",
        "--threads|-5|--threads must be 0 (automatic) or more, got -5"})
    void renderRefusesABadOptionWithOneLine(String option, String value, String message) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new RenderCommand())
                    .execute(project.toString(), "--out", temp.resolve("frames").toString(), option, value);
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("fvstudio render: " + message);
        assertThat(temp.resolve("frames").resolve("frame_00000.png")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeMadeSaysWhyNotOnlyWhere() throws Exception {
        // issue 20 item 8: this printed "fvstudio render: /proc/self/frames", the path alone
        Path impossible = Path.of("/proc/self/frames");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = new CommandLine(new RenderCommand())
                    .execute(project.toString(), "--out", impossible.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("fvstudio render: " + impossible + ": no such file or folder");
    }
}
