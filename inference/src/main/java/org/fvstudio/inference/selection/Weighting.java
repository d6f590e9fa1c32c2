package org.fvstudio.inference.selection;

import java.util.Locale;

/** How a kept token's score becomes its fusion weight (pack.json {@code selection.weight}). */
public enum Weighting {
    /** w = 2 / (1 + e^-s): 1 at a neutral score, 0..2 overall. */
    TWO_SIGMOID,
    /** w = s (used with softmax scores). */
    SCORE;

    public float weight(float score) {
        return switch (this) {
            case TWO_SIGMOID -> (float) (2.0 / (1.0 + Math.exp(-score)));
            case SCORE -> score;
        };
    }

    public static Weighting fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "two_sigmoid" -> TWO_SIGMOID;
            case "score" -> SCORE;
            default -> throw new IllegalArgumentException("unknown selection weight '" + name + "' (expected two_sigmoid or score)");
        };
    }
}
