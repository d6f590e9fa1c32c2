package org.fvstudio.timeline;

import java.util.Objects;

/**
 * A named point on the timeline (a cut, a beat, a note to self).
 *
 * @param frame the marked frame, 0-based
 * @param label what it marks; empty when the artist gave no label
 */
public record TimelineMarker(int frame, String label) {

    public TimelineMarker {
        if (frame < 0) {
            throw new IllegalArgumentException("a marker's frame must be >= 0, got " + frame);
        }
        label = Objects.requireNonNull(label, "label").strip();
    }

    public static TimelineMarker at(int frame) {
        return new TimelineMarker(frame, "");
    }

    public TimelineMarker withLabel(String newLabel) {
        return new TimelineMarker(frame, newLabel);
    }
}
