package org.fvstudio.ui.timeline;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.ShotFraming;

/**
 * The camera presets offered in the timeline, over [start, start + frames], framed on the first
 * person of the target pose; the moves themselves are {@link org.fvstudio.timeline.CameraPresets}.
 */
public final class CameraPresets {

    public enum Preset {
        DOLLY_IN("Dolly in from wide to the face"),
        DOLLY_OUT("Dolly out from the face to wide"),
        PAN_ACROSS("Pan across (1.5x zoom, left to right)"),
        CUT_WIDE_TO_CLOSE_UP("Cut from wide to close-up"),
        CUT_CLOSE_UP_TO_MEDIUM("Cut from close-up to medium");

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
        int end = start + frames;
        int w = project.canvasWidth();
        int h = project.canvasHeight();
        CameraTrack track = project.camera();
        return switch (preset) {
            case DOLLY_IN -> org.fvstudio.timeline.CameraPresets.dollyIn(track, subject(project, end), w, h, start, frames,
                    ShotFraming.CLOSE_UP_FACE_FRACTION);
            case DOLLY_OUT -> org.fvstudio.timeline.CameraPresets.dollyOut(track, subject(project, start), w, h, start, frames,
                    ShotFraming.CLOSE_UP_FACE_FRACTION);
            case PAN_ACROSS -> org.fvstudio.timeline.CameraPresets.panAcross(track, w, h, start, frames, 1.5, true);
            case CUT_WIDE_TO_CLOSE_UP -> org.fvstudio.timeline.CameraPresets.cut(track, subject(project, end), w, h, start, end,
                    ShotScale.WIDE, ShotScale.CLOSE_UP);
            case CUT_CLOSE_UP_TO_MEDIUM -> org.fvstudio.timeline.CameraPresets.cut(track, subject(project, end), w, h, start, end,
                    ShotScale.CLOSE_UP, ShotScale.MEDIUM);
        };
    }

    /** The first person of the raw target pose at {@code frame}. */
    private static PersonPose subject(Project project, int frame) {
        return project.rawTargetPoseAt(Math.min(frame, project.frameCount() - 1)).people().stream()
                .filter(p -> p.presentCount() > 0).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("nobody is posed at frame " + frame + " to frame the shot on"));
    }
}
