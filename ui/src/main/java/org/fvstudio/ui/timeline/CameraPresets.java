package org.fvstudio.ui.timeline;

import java.util.List;

import org.fvstudio.project.Project;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;

/** Camera moves that write keys over [start, start + frames]; the keys already there are replaced. */
public final class CameraPresets {

    public enum Preset {
        DOLLY_IN("Dolly in to the face"),
        DOLLY_OUT("Dolly out from the face"),
        PAN_ACROSS("Pan across"),
        CUT("Cut from wide to close-up");

        private final String label;

        Preset(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private CameraPresets() {
    }

    public static CameraTrack apply(Project project, Preset preset, int start, int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a camera move needs at least 1 frame, got " + frames);
        }
        int end = Math.min(start + frames, project.frameCount() - 1);
        if (end <= start) {
            throw new IllegalArgumentException("frame " + start + " is the last frame; there is no room for a move");
        }
        List<CameraKeyframe> keys = switch (preset) {
            case DOLLY_IN -> List.of(
                    ShotFraming.key(project.rawTargetPoseAt(start), ShotScale.WIDE, start, Interpolation.EASE_IN_OUT, false),
                    ShotFraming.key(project.rawTargetPoseAt(end), ShotScale.CLOSE_UP, end, Interpolation.LINEAR, false));
            case DOLLY_OUT -> List.of(
                    ShotFraming.key(project.rawTargetPoseAt(start), ShotScale.CLOSE_UP, start, Interpolation.EASE_IN_OUT, false),
                    ShotFraming.key(project.rawTargetPoseAt(end), ShotScale.WIDE, end, Interpolation.LINEAR, false));
            case PAN_ACROSS -> panAcross(project, start, end);
            case CUT -> List.of(
                    ShotFraming.key(project.rawTargetPoseAt(start), ShotScale.WIDE, start, Interpolation.CONSTANT, false),
                    ShotFraming.key(project.rawTargetPoseAt(end), ShotScale.CLOSE_UP, end, Interpolation.LINEAR, true));
        };
        CameraTrack track = project.camera();
        for (CameraKeyframe k : track.keyframes()) {
            if (k.frame() >= start && k.frame() <= end) {
                track = track.withoutKeyAt(k.frame());
            }
        }
        for (CameraKeyframe k : keys) {
            track = track.withKey(k);
        }
        return track;
    }

    /** At 1.5x zoom, the view slides from a third of the canvas left of centre to a third right of it. */
    private static List<CameraKeyframe> panAcross(Project project, int start, int end) {
        double cx = project.canvasWidth() / 2.0;
        double cy = project.canvasHeight() / 2.0;
        double shift = project.canvasWidth() / 3.0;
        return List.of(
                new CameraKeyframe(start, 1.5, cx, cy, shift, 0, 0, false, Interpolation.EASE_IN_OUT),
                new CameraKeyframe(end, 1.5, cx, cy, -shift, 0, 0, false, Interpolation.LINEAR));
    }
}
