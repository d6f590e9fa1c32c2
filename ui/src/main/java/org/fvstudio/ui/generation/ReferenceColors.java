package org.fvstudio.ui.generation;

import javafx.scene.paint.Color;

/** One distinct colour per reference (by its position among the used references), for shares and bars. */
public final class ReferenceColors {

    // Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
    private static final Color[] PALETTE = {
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"), Color.web("#F0E442"),
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#999999"),
    };

    private ReferenceColors() {
    }

    public static Color of(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    public static String css(int index) {
        Color c = of(index);
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
