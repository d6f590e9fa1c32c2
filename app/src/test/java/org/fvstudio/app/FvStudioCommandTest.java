package org.fvstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class FvStudioCommandTest {

    /** A command that fails in a way nobody planned for. */
    @CommandLine.Command(name = "explode")
    static final class Exploding implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            Object nothing = null;
            return nothing.hashCode();
        }
    }

    @Test
    void anUnexpectedFailureIsOneLineAndExitOneNeverATrace() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = FvStudio.commandLine();
        commandLine.addSubcommand(new Exploding());
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("explode");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("fvstudio explode: ").contains("details in").contains("fvstudio.log");
        assertThat(err.toString()).doesNotContain("\tat ", "NullPointerException:");
    }

    @Test
    void versionComesFromTheBuild() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = FvStudio.commandLine();
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("--version");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("FV Studio 0.1.0-SNAPSHOT");
    }

    @Test
    void helpNamesTheCommandAndItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = FvStudio.commandLine();
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: fvstudio", "--version", "PROJECT");
    }

    @Test
    void aFolderThatIsNotAProjectIsRefusedWithoutOpeningAWindow() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = FvStudio.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("target/does-not-exist.fvs");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("does-not-exist.fvs: not a project bundle");
    }

    @Test
    void aProjectJsonThatIsAFolderOrALinkToADeviceIsNamedAsSuch(@TempDir Path temp) throws Exception {
        // issue 20 item 8: both said "no project.json inside"
        Path folder = Files.createDirectories(temp.resolve("Folder.fvs").resolve("project.json"));
        Path device = Files.createDirectories(temp.resolve("Device.fvs"));
        Files.createSymbolicLink(device.resolve("project.json"), Path.of("/dev/zero"));
        StringWriter err = new StringWriter();
        CommandLine commandLine = FvStudio.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute(folder.getParent().toString())).isEqualTo(2);
        assertThat(commandLine.execute(device.toString())).isEqualTo(2);

        assertThat(err.toString().lines()).containsExactly(
                folder.getParent() + ": not a project bundle (its project.json is a folder)",
                device + ": not a project bundle (its project.json is a link to /dev/zero, a device)");
    }
}
