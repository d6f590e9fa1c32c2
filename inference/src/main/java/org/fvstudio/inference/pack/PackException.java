package org.fvstudio.inference.pack;

import java.nio.file.Path;
import org.fvstudio.inference.runtime.ModelLoadException;

/** A model pack cannot be used: the message names the file and what is wrong with it. */
public class PackException extends ModelLoadException {

    public PackException(Path file, String message) {
        super(file, message);
    }

    public PackException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
