package org.fvstudio.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real full disk for tests: a small tmpfs mounted in a private mount namespace ({@code unshare -rm}) with a
 * child JVM running a writer against it. Nothing is mounted for anyone else and nothing needs cleaning up. Skipped
 * (with the reason) where user and mount namespaces are not allowed.
 */
public final class FullDisk {

    /** What the child printed and how it ended. */
    public record Run(int exitCode, String output) {
    }

    private FullDisk() {
    }

    /**
     * Runs {@code main} in a JVM whose {@code folder} is a tmpfs of {@code kilobytes} KiB; the class gets the mounted
     * folder as its first argument, then {@code args}.
     */
    public static Run run(Class<?> main, Path folder, int kilobytes, String... args) throws IOException, InterruptedException {
        assumeTrue(namespacesWork(folder), "unshare -rm with a tmpfs is not allowed here, so a full disk cannot be made");
        List<String> command = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=" + kilobytes + "k tmpfs \"$0\" && exec \"$@\"", folder.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), main.getName(), folder.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the full-disk child did not finish in 120 s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean namespacesWork(Path folder) throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                    "mount -t tmpfs -o size=64k tmpfs \"$0\"", folder.toString()).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The file names in the child's folder as it printed them ("files: a, b"), for the assertions. */
    static String listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return "files: " + String.join(", ", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
