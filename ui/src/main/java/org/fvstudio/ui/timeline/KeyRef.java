package org.fvstudio.ui.timeline;

/** One keyframe on the timeline. */
public record KeyRef(TrackId track, int frame) {
}
