package org.fvstudio.input;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Java's file-system exceptions said as "PATH: problem": their message is often the path alone
 * ({@code AccessDeniedException: /proc/self/nope}), which tells a user nothing.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** "PATH: permission denied", "PATH: no such file or folder", ...; any other problem's own message. */
    public static String describe(IOException problem) {
        if (problem instanceof FileSystemException e && e.getFile() != null) {
            return e.getFile() + (e.getOtherFile() != null ? " -> " + e.getOtherFile() : "") + ": " + reason(problem);
        }
        return reason(problem);
    }

    /** The problem without the path, for messages that name the file themselves. */
    public static String reason(IOException problem) {
        if (problem instanceof FileSystemException e) {
            if (e.getReason() != null && !e.getReason().isBlank()) {
                return e.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "the folder is not empty";
            }
            return "the file system refused it";
        }
        if (problem instanceof FileNotFoundException || problem.getMessage() == null || problem.getMessage().isBlank()) {
            return problem.getMessage() == null ? "cannot be read or written" : problem.getMessage();
        }
        return problem.getMessage();
    }
}
