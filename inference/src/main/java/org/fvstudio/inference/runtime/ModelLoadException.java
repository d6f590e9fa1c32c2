package org.fvstudio.inference.runtime;

import java.nio.file.Path;

/** A model file could not be opened or does not fit what the caller expects; the message names the file. */
public class ModelLoadException extends Exception {

    private final transient Path file;

    public ModelLoadException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public ModelLoadException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file at fault (or the folder, when files are missing from it). */
    public Path file() {
        return file;
    }
}
