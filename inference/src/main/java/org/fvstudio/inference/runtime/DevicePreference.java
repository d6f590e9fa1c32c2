package org.fvstudio.inference.runtime;

import java.util.Locale;

/** What the user asked for; the device actually used is an {@link ExecutionDevice}. */
public enum DevicePreference {
    /** CUDA when compiled in and working, otherwise CPU. */
    AUTO,
    CPU,
    /** CUDA requested; still falls back to CPU (with a note) when it cannot start. */
    CUDA;

    /** Parses the project/CLI spelling {@code auto|cpu|cuda}. */
    public static DevicePreference parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + text + "': expected auto, cpu or cuda", e);
        }
    }
}
