package org.fvstudio.ui.timeline;

import java.util.List;

import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.PoseKeyframe;

/** Copied keyframes, frames relative to the first copied one; exactly one of pose and camera is set. */
public record KeyClipboard(List<Entry> entries) {

    public KeyClipboard {
        entries = List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public record Entry(TrackId track, int offset, PoseKeyframe pose, CameraKeyframe camera) {
    }
}
