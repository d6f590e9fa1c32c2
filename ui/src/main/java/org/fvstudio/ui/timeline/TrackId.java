package org.fvstudio.ui.timeline;

/** A keyframe track of the timeline: a person of the target pose, or the camera. */
public sealed interface TrackId {

    record Person(int index) implements TrackId {
    }

    record Camera() implements TrackId {
    }

    TrackId CAMERA = new Camera();
}
