package org.fvstudio.project.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Replaces a file so that a reader sees either the old or the new content, never half of one:
 * the bytes go to a temporary file in the same folder, are forced to disk, and the temporary file
 * is renamed over the target in one atomic step. A failure leaves the target untouched and
 * removes the temporary file.
 */
public final class AtomicFileWriter {

    static final String TEMP_SUFFIX = ".tmp";

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
        Path temp = Files.createTempFile(dir, target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = streamWrapper.apply(Channels.newOutputStream(channel));
                out.write(bytes);
                out.flush();
                channel.force(true);
            }
            if (backup != null && Files.isRegularFile(target)) {
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target.getFileName() + " atomically on this file system", e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
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
