package org.fvstudio.ui.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the folders of one bundle into a new bundle: a rename where the file system allows it, else a copy
 * that reports its progress in bytes. A render cache can be hundreds of megabytes, so neither happens unsaid.
 */
final class BundleTransfer {

    /** Bytes done of the total, after every buffer. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> { };

        void bytes(long done, long total);
    }

    /** A rename of a whole folder; the seam for a file system where it fails (another disk). */
    @FunctionalInterface
    interface Renamer {
        Renamer FILES = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);

        void rename(Path from, Path to) throws IOException;
    }

    private static final int BUFFER = 1 << 20;

    private final Renamer renamer;

    BundleTransfer(Renamer renamer) {
        this.renamer = renamer;
    }

    /**
     * Renames {@code source} to {@code target} (absent or an empty folder). False when that would take a copy:
     * {@code target} on another file system. Nothing has changed then.
     */
    boolean rename(Path source, Path target) throws IOException {
        boolean emptyTarget = Files.isDirectory(target);
        if (emptyTarget) {
            Files.delete(target);
        }
        try {
            renamer.rename(source, target);
            return true;
        } catch (IOException e) {
            if (emptyTarget) {
                Files.createDirectories(target);
            }
            if (e instanceof AtomicMoveNotSupportedException) {
                return false;
            }
            throw e;
        }
    }

    /** Bytes of every file under the folders {@code roots} (missing ones count 0). */
    static long sizeOf(List<Path> roots) throws IOException {
        AtomicLong bytes = new AtomicLong();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    bytes.addAndGet(attrs.size());
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return bytes.get();
    }

    /**
     * Copies each folder of {@code from} into the folder of the same name under {@code to}, keeping file times;
     * {@code total} is what {@link #sizeOf} said. Returns the bytes copied.
     */
    long copy(Path from, Path to, List<String> folders, long total, Progress progress) throws IOException {
        AtomicLong done = new AtomicLong();
        byte[] buffer = new byte[BUFFER];
        progress.bytes(0, total);
        for (String name : folders) {
            Path source = from.resolve(name);
            Path target = to.resolve(name);
            Files.createDirectories(target);
            if (!Files.isDirectory(source)) {
                continue;
            }
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path copy = target.resolve(source.relativize(file).toString());
                    try (InputStream in = Files.newInputStream(file);
                         OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW)) {
                        int read;
                        while ((read = in.read(buffer)) > 0) {
                            out.write(buffer, 0, read);
                            progress.bytes(done.addAndGet(read), total);
                        }
                    }
                    Files.setLastModifiedTime(copy, attrs.lastModifiedTime());
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return done.get();
    }

    static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
