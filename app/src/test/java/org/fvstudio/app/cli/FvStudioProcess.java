package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fvstudio.app.farm.LocalWorker;

/**
 * {@code fvstudio ...} as a separate JVM on the test class path, the way a farm worker runs it: its own process,
 * its own pack load, output to a log file the test reads.
 */
final class FvStudioProcess {

    private final Process process;
    private final Path log;

    private FvStudioProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static FvStudioProcess start(Path workDir, Path log, List<String> args) throws IOException {
        List<String> jvm = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfvstudio.home=" + workDir.resolve("home"),
                "-Dfvstudio.assets=" + Path.of(System.getProperty("user.dir")).resolve("../assets").normalize());
        return new FvStudioProcess(LocalWorker.start(jvm, args, workDir, log), log);
    }

    /** Runs to the end and returns the exit status. */
    static int run(Path workDir, Path log, List<String> args) throws Exception {
        return start(workDir, log, args).waitFor();
    }

    int waitFor() throws InterruptedException, IOException {
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("fvstudio did not finish in 300 s; its output:\n" + output());
        }
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
