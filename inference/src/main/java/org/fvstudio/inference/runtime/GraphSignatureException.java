package org.fvstudio.inference.runtime;

import java.nio.file.Path;

/** A graph's inputs or outputs differ from what the code was written for. */
public class GraphSignatureException extends ModelLoadException {

    public GraphSignatureException(Path file, String message) {
        super(file, message);
    }
}
