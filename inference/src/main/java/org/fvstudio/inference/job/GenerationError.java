package org.fvstudio.inference.job;

/** Why a generation failed, as a value the UI can show. {@code cause} may be null. */
public record GenerationError(Kind kind, String message, Throwable cause) {

    public enum Kind {
        /** The project cannot be generated as it is (no references, no visible body, bad image). */
        INVALID_INPUT,
        /** The model pack is missing, corrupt or does not match its manifest. */
        PACK,
        /** A graph produced NaN or infinite values. */
        NUMERIC,
        /** ONNX Runtime or the device failed. */
        RUNTIME,
        /** Reading or writing a file failed. */
        IO,
        /** The job was cancelled. */
        CANCELLED
    }

    public static GenerationError of(GenerationException e) {
        return new GenerationError(e.kind(), e.getMessage(), e.getCause());
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
