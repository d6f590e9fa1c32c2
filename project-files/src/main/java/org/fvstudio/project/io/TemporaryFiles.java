package org.fvstudio.project.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files and folders for writes that end in a rename. Unlike {@code Files.createTempFile} (mode 0600)
 * and {@code createTempDirectory} (0700) they get the mode the user's umask gives a new file, so what is renamed
 * into place is readable by whoever a normal new file would be; a replacement takes the mode of the file it
 * replaces.
 */
public final class TemporaryFiles {

    private static final int ATTEMPTS = 10;

    private TemporaryFiles() {
    }

    /** An empty new file {@code dir/PREFIX<random>SUFFIX}. */
    public static Path createFile(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path file = dir.resolve(prefix + random() + suffix);
            try {
                Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return file;
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** An empty new folder {@code dir/PREFIX<random>}. */
    public static Path createDirectory(Path dir, String prefix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Files.createDirectory(dir.resolve(prefix + random()));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Deletes {@code path} and everything under it; nothing happens when it does not exist. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.nio.file.NoSuchFileException ignored) {
            // removed meanwhile
        }
    }

    /** Gives {@code replacement} the POSIX mode of {@code replaced}, when both exist and the file system has modes. */
    public static void keepMode(Path replaced, Path replacement) throws IOException {
        if (!Files.exists(replaced)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(replaced, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    private static String random() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }
}
