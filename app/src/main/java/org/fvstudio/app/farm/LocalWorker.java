package org.fvstudio.app.farm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fvstudio ARGS} as a new JVM of this installation (same java, class path, home, assets and native caches),
 * its output to a log file: a farm worker on this machine, for {@code bench farm} and the farm tests.
 */
public final class LocalWorker {

    /** The settings a worker inherits from this JVM. */
    private static final List<String> INHERITED = List.of("fvstudio.home", "fvstudio.assets", "ai.djl.offline",
            "org.bytedeco.javacpp.cachedir", "javafx.cachedir", "jna.tmpdir", "java.io.tmpdir");

    private LocalWorker() {
    }

    /** Starts {@code fvstudio args} in {@code workDir} with extra JVM options (e.g. {@code -Xmx1g}). */
    public static Process start(List<String> jvmOptions, List<String> args, Path workDir, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (String property : INHERITED) {
            String value = System.getProperty(property);
            if (value != null && jvmOptions.stream().noneMatch(o -> o.startsWith("-D" + property + "="))) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.fvstudio.app.FvStudio");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        builder.environment().put("DJL_OFFLINE", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
