package org.fvstudio.project;

import java.util.Objects;

import org.fvstudio.timeline.PoseTrack;

/**
 * Marks a target track as retargeted to the character: the motion as it was before, so the retarget can be
 * redone with other options or removed, and the options that made the current track.
 *
 * @param original the target track before the retarget
 * @param options  the options of the retarget that made the current track
 */
public record RetargetedMotion(PoseTrack original, RetargetOptions options) {

    public RetargetedMotion {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(options, "options");
    }
}
