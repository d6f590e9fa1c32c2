package org.fvstudio.ui.preferences;

/** Why one preference value was refused: the field as the user sees it, and the reason. */
public record PreferenceProblem(String field, String reason) {

    public String message() {
        return field + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
