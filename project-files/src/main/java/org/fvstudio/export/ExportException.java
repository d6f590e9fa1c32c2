package org.fvstudio.export;

import java.nio.file.Path;

/** An export that could not be completed; the message names the file and what went wrong. */
public class ExportException extends Exception {

    private final transient Path path;

    public ExportException(Path path, String message) {
        super(message);
        this.path = path;
    }

    public ExportException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The file or folder concerned, or null when the problem is not about one. */
    public Path path() {
        return path;
    }
}
