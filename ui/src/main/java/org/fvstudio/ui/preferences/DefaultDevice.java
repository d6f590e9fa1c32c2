package org.fvstudio.ui.preferences;

import java.util.Locale;
import java.util.Optional;

/** Where generation runs unless a project says otherwise: AUTO tries CUDA and falls back to the CPU. */
public enum DefaultDevice {
    AUTO,
    CPU,
    CUDA;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DefaultDevice> fromJsonName(String name) {
        for (DefaultDevice device : values()) {
            if (device.jsonName().equals(name)) {
                return Optional.of(device);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return this == AUTO ? "Automatic (CUDA if available, else CPU)" : name();
    }
}
