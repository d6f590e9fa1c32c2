package org.fvstudio.retarget;

/** A retarget that cannot be made, with the reason in the artist's words. */
public final class RetargetException extends Exception {

    private static final long serialVersionUID = 1L;

    public RetargetException(String message) {
        super(message);
    }
}
