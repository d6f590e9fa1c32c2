package org.fvstudio.project.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/** What went wrong when writing a file, in the words a user acts on: the disk is full, permission denied, ... */
public final class WriteProblems {

    public static final String DISK_FULL = "the disk is full";

    private WriteProblems() {
    }

    /** Whether {@code e} or one of its causes is the file system running out of space (ENOSPC, FFmpeg's -28, quota). */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left") || message.contains("ENOSPC")
                    || message.contains("error -28 ") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    /** The reason of a failed write, without the exception's class name. */
    public static String reason(IOException e) {
        if (isDiskFull(e)) {
            return DISK_FULL;
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied" + (denied.getFile() != null ? " (" + denied.getFile() + ")" : "");
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + (fse.getFile() != null ? " (" + fse.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
