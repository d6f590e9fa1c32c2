package org.fvstudio.timeline;

import org.fvstudio.pose.PersonPose;

/** A person's pose at one frame; {@code interpolation} governs the segment that starts here. */
public record PoseKeyframe(int frame, PersonPose pose, Interpolation interpolation) {

    public PoseKeyframe {
        if (frame < 0) {
            throw new IllegalArgumentException("keyframe frame must be >= 0, got " + frame);
        }
        if (pose == null || interpolation == null) {
            throw new IllegalArgumentException("keyframe needs a pose and an interpolation");
        }
    }

    public PoseKeyframe atFrame(int newFrame) {
        return new PoseKeyframe(newFrame, pose, interpolation);
    }

    public PoseKeyframe withPose(PersonPose newPose) {
        return new PoseKeyframe(frame, newPose, interpolation);
    }

    public PoseKeyframe withInterpolation(Interpolation mode) {
        return new PoseKeyframe(frame, pose, mode);
    }
}
