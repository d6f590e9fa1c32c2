package org.fvstudio.ui.preferences;

import java.util.Locale;
import java.util.Optional;

/** The studio's colour theme. */
public enum Theme {
    LIGHT,
    DARK;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> fromJsonName(String name) {
        for (Theme theme : values()) {
            if (theme.jsonName().equals(name)) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return jsonName().substring(0, 1).toUpperCase(Locale.ROOT) + jsonName().substring(1);
    }
}
