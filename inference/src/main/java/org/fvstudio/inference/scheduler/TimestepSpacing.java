package org.fvstudio.inference.scheduler;

import java.util.Locale;

/** How the inference timesteps are spread over the training timesteps (the diffusers names). */
public enum TimestepSpacing {
    LEADING, TRAILING, LINSPACE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TimestepSpacing fromName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown timestep spacing '" + name + "' (expected leading, trailing or linspace)");
        }
    }
}
