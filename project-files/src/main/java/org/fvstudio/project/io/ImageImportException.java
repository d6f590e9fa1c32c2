package org.fvstudio.project.io;

import java.nio.file.Path;

/** An image that cannot become a reference: names the file and what is wrong with it. */
public class ImageImportException extends Exception {

    private final Path file;

    public ImageImportException(Path file, String message) {
        this(file, message, null);
    }

    public ImageImportException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
