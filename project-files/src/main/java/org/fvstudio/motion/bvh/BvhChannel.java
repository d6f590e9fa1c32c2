package org.fvstudio.motion.bvh;

import java.util.Locale;
import java.util.Optional;

/** One animated degree of freedom of a BVH joint. */
public enum BvhChannel {
    XPOSITION(0, false), YPOSITION(1, false), ZPOSITION(2, false),
    XROTATION(0, true), YROTATION(1, true), ZROTATION(2, true);

    private final int axis;
    private final boolean rotation;

    BvhChannel(int axis, boolean rotation) {
        this.axis = axis;
        this.rotation = rotation;
    }

    /** 0 = X, 1 = Y, 2 = Z. */
    public int axis() {
        return axis;
    }

    public boolean isRotation() {
        return rotation;
    }

    /** Parses a channel name as written in BVH files ("Xposition", "Zrotation", any case). */
    public static Optional<BvhChannel> parse(String token) {
        String t = token.toUpperCase(Locale.ROOT);
        for (BvhChannel c : values()) {
            if (c.name().equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public String bvhName() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
