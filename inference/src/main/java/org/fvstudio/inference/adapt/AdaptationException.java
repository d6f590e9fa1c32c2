package org.fvstudio.inference.adapt;

/** Adaptation cannot start or failed; the message is for the user (it names the file or what is missing). */
public class AdaptationException extends Exception {

    public AdaptationException(String message) {
        super(message);
    }

    public AdaptationException(String message, Throwable cause) {
        super(message, cause);
    }
}
