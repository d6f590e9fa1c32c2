package org.fvstudio.ui.task;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileSystemException;

import org.fvstudio.inference.job.OutOfMemory;
import org.fvstudio.input.FileProblems;

/** Turns an exception into one sentence a user can act on. */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    public static String describe(Throwable problem) {
        if (problem instanceof OutOfMemoryError) {
            return lead(OutOfMemory.describe()) + "; the open project is unchanged. Close other programs or give"
                    + " FV Studio more memory (FVSTUDIO_JAVA_OPTS=-Xmx...), then try again";
        }
        if (problem instanceof Error) {
            return "Unexpected internal error (" + problem.getClass().getSimpleName() + "); the open project is"
                    + " unchanged and details are in the log file";
        }
        Throwable t = problem;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        if (t instanceof FileSystemException || t instanceof FileNotFoundException) {
            return FileProblems.describe((IOException) t);
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected problem (" + t.getClass().getSimpleName() + "); details are in the log file";
        }
        return message;
    }

    private static String lead(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
