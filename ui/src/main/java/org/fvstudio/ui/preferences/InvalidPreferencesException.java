package org.fvstudio.ui.preferences;

import java.util.List;
import java.util.stream.Collectors;

/** Preferences that break a rule; nothing was saved. */
public final class InvalidPreferencesException extends Exception {

    private final List<PreferenceProblem> problems;

    public InvalidPreferencesException(List<PreferenceProblem> problems) {
        super(problems.stream().map(PreferenceProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PreferenceProblem> problems() {
        return problems;
    }
}
