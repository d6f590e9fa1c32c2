package org.fvstudio.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.fvstudio.project.io.TemporaryFiles;
import org.fvstudio.project.io.WriteProblems;

/**
 * A hidden temporary file or folder beside the target, renamed onto the target only when the export is
 * complete, so a cancelled, failed or crashed export never leaves a partial file under the target's name.
 */
final class StagedOutput implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    private StagedOutput(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** A temporary file in the target's folder (same file system, so the final rename is atomic). */
    static StagedOutput file(Path target, String suffix) throws ExportException {
        Path folder = writableParent(target);
        if (Files.isDirectory(target)) {
            throw new ExportException(target, "Cannot export to " + target + ": it is a folder, not a file");
        }
        try {
            return new StagedOutput(target, TemporaryFiles.createFile(folder, "." + target.getFileName() + ".", suffix));
        } catch (IOException e) {
            throw describe(target, folder, e);
        }
    }

    /** A temporary folder beside the target folder. */
    static StagedOutput folder(Path target) throws ExportException {
        Path folder = writableParent(target);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ExportException(target, "Cannot export to " + target + ": it is a file, not a folder");
        }
        try {
            return new StagedOutput(target, TemporaryFiles.createDirectory(folder, "." + target.getFileName() + ".partial-"));
        } catch (IOException e) {
            throw describe(target, folder, e);
        }
    }

    Path staging() {
        return staging;
    }

    /** Moves the staged file onto the target (replacing an older export), atomically where the file system can. */
    void commitFile() throws ExportException {
        try {
            flushToDisk(staging);
            TemporaryFiles.keepMode(target, staging);
            move(staging, target);
            committed = true;
        } catch (IOException e) {
            throw describe(target, target.toAbsolutePath().getParent(), e);
        }
    }

    /**
     * Moves the staged folder onto the target. When the target folder already exists its contents stay and each
     * new file replaces its namesake atomically, so the folder never holds a half-written file.
     */
    void commitFolder() throws ExportException {
        try {
            if (!Files.exists(target)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                    for (Path file : files) {
                        flushToDisk(file);
                    }
                }
                move(staging, target);
            } else {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                    for (Path file : files) {
                        flushToDisk(file);
                        Path replaced = target.resolve(file.getFileName().toString());
                        TemporaryFiles.keepMode(replaced, file);
                        move(file, replaced);
                    }
                }
                Files.delete(staging);
            }
            committed = true;
        } catch (IOException e) {
            throw describe(target, target, e);
        }
    }

    /** Data on disk before the rename, so a power cut cannot leave an empty file under the target's name. */
    private static void flushToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the staged output unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a left-over hidden temp file is harmless and never has the target's name
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    private static Path writableParent(Path target) throws ExportException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null) {
            throw new ExportException(target, "Cannot export to " + target + ": it has no parent folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new ExportException(target, "Cannot export to " + target + ": folder " + folder + " does not exist");
        }
        return folder;
    }

    /** Turns an I/O failure into a message a user can act on. */
    static ExportException describe(Path target, Path folder, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied in " + folder;
        } else if (WriteProblems.isDiskFull(e)) {
            reason = WriteProblems.DISK_FULL;
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new ExportException(target, "Cannot write export to " + target + ": " + reason, e);
    }
}
