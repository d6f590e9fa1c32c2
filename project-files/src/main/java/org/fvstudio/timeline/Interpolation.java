package org.fvstudio.timeline;

import java.util.Locale;

/** How values move from one keyframe to the next; stored on the segment's first keyframe. */
public enum Interpolation {
    CONSTANT, LINEAR, EASE_IN_OUT, SMOOTH;

    /** Maps the linear segment parameter t in [0, 1] to the blending weight for non-spline modes. */
    public double weight(double t) {
        return switch (this) {
            case CONSTANT -> 0;
            case LINEAR, SMOOTH -> t;
            case EASE_IN_OUT -> t * t * (3 - 2 * t);
        };
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Interpolation fromJson(String value) {
        for (Interpolation mode : values()) {
            if (mode.jsonName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown interpolation '" + value + "' (expected constant, linear, ease-in-out or smooth)");
    }
}
