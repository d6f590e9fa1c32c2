package org.fvstudio.media;

import java.nio.file.Path;

/** A picture or video could not be read; the message names the file and the problem. */
public class MediaException extends Exception {

    private final transient Path file;

    public MediaException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public MediaException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
