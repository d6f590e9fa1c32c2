package org.fvstudio.cache;

import java.nio.file.Path;

/** The render cache could not be written or opened; the message names the file. */
public class CacheException extends Exception {

    private final transient Path path;

    public CacheException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
