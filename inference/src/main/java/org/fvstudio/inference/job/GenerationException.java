package org.fvstudio.inference.job;

/** A checked failure inside the pipeline; the job turns it into a {@link GenerationError}. */
public class GenerationException extends Exception {

    private final GenerationError.Kind kind;

    public GenerationException(GenerationError.Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public GenerationException(GenerationError.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public GenerationError.Kind kind() {
        return kind;
    }
}
