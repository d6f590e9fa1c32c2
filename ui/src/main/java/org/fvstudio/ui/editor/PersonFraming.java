package org.fvstudio.ui.editor;

import org.fvstudio.project.ShotScale;

/**
 * How much of a person a new skeleton template shows, after the shot scales artists use: a close-up frames head
 * and shoulders, a medium shot the body to the waist, a wide shot all of it.
 */
public enum PersonFraming {
    HEAD_AND_SHOULDERS("Head and shoulders", 0.27),
    WAIST_UP("Waist up", 0.58),
    FULL_BODY("Full body", 1.0);

    private final String label;
    private final double visibleFraction;

    PersonFraming(String label, double visibleFraction) {
        this.label = label;
        this.visibleFraction = visibleFraction;
    }

    public String label() {
        return label;
    }

    /** The part of the body height, from the top of the head, that the picture shows. */
    double visibleFraction() {
        return visibleFraction;
    }

    public static PersonFraming of(ShotScale scale) {
        return switch (scale) {
            case CLOSE_UP -> HEAD_AND_SHOULDERS;
            case MEDIUM -> WAIST_UP;
            case WIDE, OTHER -> FULL_BODY;
        };
    }
}
