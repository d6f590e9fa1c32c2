package org.fvstudio.ui.task;

/** How a background job ended: its value, a problem to show the user, or a cancellation. */
public sealed interface Outcome<T> {

    record Success<T>(T value) implements Outcome<T> {
    }

    /** @param message for the user: names the file and what is wrong, never a stack trace */
    record Failure<T>(String message) implements Outcome<T> {
    }

    record Cancelled<T>() implements Outcome<T> {
    }
}
