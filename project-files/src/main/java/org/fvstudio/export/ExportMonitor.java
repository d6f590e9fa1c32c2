package org.fvstudio.export;

/**
 * Progress and cancellation for a running export. Called on the exporting thread:
 * a UI must hand progress over to its own thread.
 */
public interface ExportMonitor {

    ExportMonitor NONE = new ExportMonitor() { };

    /** {@code done} of {@code total} frames are written. */
    default void progress(int done, int total) {
    }

    /** Polled before every frame; true stops the export and removes what it wrote. */
    default boolean isCancelled() {
        return false;
    }
}
