package org.fvstudio.media;

/** Carries a {@link MediaException} through {@link java.util.Iterator} methods, which cannot throw checked ones. */
public class UncheckedMediaException extends RuntimeException {

    public UncheckedMediaException(MediaException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized MediaException getCause() {
        return (MediaException) super.getCause();
    }
}
