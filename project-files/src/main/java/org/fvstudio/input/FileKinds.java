package org.fvstudio.input;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What sits at a path that should hold a plain file, in words: "a folder", "a named pipe (FIFO)", "a link to
 * /dev/zero, a device". Reading a pipe or a device would block or never end, so readers refuse them by name.
 */
public final class FileKinds {

    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private FileKinds() {
    }

    /**
     * Fails unless {@code file} is (or links to) a regular file this process may read; {@code name} is how the
     * message names it.
     */
    public static void requireReadableFile(Path file, String name) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(name, null, Files.isSymbolicLink(file)
                    ? "is a link to " + target(file) + ", which does not exist" : "no such file");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(name, null, "permission denied (a folder on the way may not be entered)");
        }
        if (!attributes.isRegularFile()) {
            throw new FileSystemException(name, null, "is " + describe(file) + ", not a file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(name, null, "permission denied (the file may not be read)");
        }
    }

    /** "a folder", "a named pipe (FIFO)", "a device", "a socket", "a file", or for a link what it leads to. */
    public static String describe(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                String target = target(path);
                if (!Files.exists(path)) {
                    return "a link to " + target + ", which does not exist";
                }
                return "a link to " + target + ", " + kind(path, new LinkOption[0]);
            }
            return kind(path, new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
        } catch (IOException e) {
            return "something that cannot be looked at";
        }
    }

    private static String kind(Path path, LinkOption[] options) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, options);
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (attributes.isRegularFile()) {
            return "a file";
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", options);
            return switch (mode & TYPE_BITS) {
                case FIFO -> "a named pipe (FIFO)";
                case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
                case SOCKET -> "a socket";
                default -> "a special file";
            };
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "somewhere unreadable";
        }
    }
}
