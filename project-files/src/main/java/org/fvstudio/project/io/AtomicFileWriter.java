package org.fvstudio.project.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Replaces a file so that a reader sees either the old or the new content, never half of one:
 * the bytes go to a temporary file in the same folder, are forced to disk, and the temporary file
 * is renamed over the target in one atomic step. A failure leaves the target untouched and
 * removes the temporary file. The replaced file keeps its permissions (a project shared with a group stays
 * readable to it); a new file gets the mode the user's umask gives. A backup of the previous version is made
 * the same way, so a crash can never leave a half-copied backup. Temporaries that a killed process left behind
 * are swept at the next write of the same file.
 */
public final class AtomicFileWriter {

    static final String TEMP_SUFFIX = ".tmp";

    /** Older than this, a temporary of ours belongs to no running write (a write takes milliseconds). */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);

    /** Production writer; tests inject a stream wrapper that fails midway. */
    static final AtomicFileWriter DEFAULT = new AtomicFileWriter(UnaryOperator.identity());

    private final UnaryOperator<OutputStream> streamWrapper;

    AtomicFileWriter(UnaryOperator<OutputStream> streamWrapper) {
        this.streamWrapper = streamWrapper;
    }

    /** Replaces {@code target} with {@code bytes} atomically (the folder must exist). */
    public static void replace(Path target, byte[] bytes) throws IOException {
        DEFAULT.write(target, bytes, null);
    }

    /** Writes {@code bytes} to {@code target}; when {@code backup} is not null the previous target is copied there first. */
    void write(Path target, byte[] bytes, Path backup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        removeStaleTemporaries(dir, target.getFileName().toString());
        Path temp = newTemporary(dir, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = streamWrapper.apply(Channels.newOutputStream(channel));
                out.write(bytes);
                out.flush();
                channel.force(true);
            }
            keepPermissions(target, temp);
            if (backup != null && Files.isRegularFile(target)) {
                copyAtomically(target, backup);
            }
            moveAtomically(temp, target);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code NAME.<random>.tmp}, created empty with the default permissions (unlike createTempFile's 0600). */
    private static Path newTemporary(Path dir, String name) throws IOException {
        return TemporaryFiles.createFile(dir, name + ".", TEMP_SUFFIX);
    }

    private static void copyAtomically(Path source, Path backup) throws IOException {
        removeStaleTemporaries(backup.toAbsolutePath().getParent(), backup.getFileName().toString());
        Path temp = newTemporary(backup.toAbsolutePath().getParent(), backup.getFileName().toString());
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepPermissions(source, temp);
            moveAtomically(temp, backup);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveAtomically(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target.getFileName() + " atomically on this file system", e);
        }
    }

    /** The new version gets the permissions of the file it replaces, where the file system has POSIX modes. */
    private static void keepPermissions(Path replaced, Path temp) throws IOException {
        if (Files.isRegularFile(replaced)) {
            TemporaryFiles.keepMode(replaced, temp);
        }
    }

    /** Removes {@code NAME.<anything>.tmp} left by a write that was killed, never one that may still be running. */
    static void removeStaleTemporaries(Path dir, String name) {
        Pattern ours = Pattern.compile(Pattern.quote(name) + "\\.[0-9A-Za-z]+" + Pattern.quote(TEMP_SUFFIX));
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, name + ".*" + TEMP_SUFFIX)) {
            for (Path entry : entries) {
                if (!ours.matcher(entry.getFileName().toString()).matches() || !Files.isRegularFile(entry)) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(entry);
                if (modified.toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Sweeping is housekeeping: a folder we cannot list still gets its save.
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, which is fine to skip. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open folders as channels; NTFS journals the rename anyway.
        }
    }
}
