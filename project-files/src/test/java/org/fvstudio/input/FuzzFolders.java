package org.fvstudio.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The work folder of a fuzz target: made once per JVM (a fuzzing run executes the target thousands of times), removed at exit. */
public final class FuzzFolders {

    private FuzzFolders() {
    }

    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code dir}'s contents, leaving it empty. */
    public static void empty(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try {
            empty(dir);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder left behind at exit is harmless
        }
    }
}
