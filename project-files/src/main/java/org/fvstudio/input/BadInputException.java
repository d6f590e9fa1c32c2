package org.fvstudio.input;

import java.io.IOException;

/**
 * An input refused for what it holds, not for a failing disk: too large, or not valid JSON. The message names the
 * input and says what is wrong; {@link #problem()} says it without the name, for readers that name files their way.
 */
public class BadInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    public BadInputException(String source, String problem) {
        this(source, problem, null);
    }

    public BadInputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, without the input's name. */
    public String problem() {
        return problem;
    }
}
