package org.fvstudio.inference.runtime;

/** Running a graph failed (bad tensor, native error, unexpected output). */
public class InferenceException extends Exception {

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
