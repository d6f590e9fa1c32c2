package org.fvstudio.input;

/** An input above one of the {@link InputLimits}, refused before it was decoded or parsed. */
public final class InputTooLargeException extends BadInputException {

    private static final long serialVersionUID = 1L;

    public InputTooLargeException(String source, String problem) {
        super(source, problem);
    }
}
