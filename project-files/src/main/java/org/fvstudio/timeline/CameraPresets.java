package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.ShotScale;

/**
 * Camera moves that write keys into a {@link CameraTrack}. Each preset replaces the keys inside its
 * frame range (ends included) so the move plays as written; keys outside the range are kept.
 */
public final class CameraPresets {

    private CameraPresets() {
    }

    /**
     * Dolly-in from the wide view (identity) at {@code startFrame} to a close-up of {@code subject}'s
     * face filling {@code faceFraction} of the canvas at {@code startFrame + frames}; ease in/out.
     */
    public static CameraTrack dollyIn(CameraTrack track, PersonPose subject, int width, int height,
                                      int startFrame, int frames, double faceFraction) {
        CameraKeyframe close = ShotFraming.closeUp(subject, width, height, faceFraction, startFrame + checkFrames(frames),
                Interpolation.EASE_IN_OUT);
        CameraKeyframe wide = new CameraKeyframe(startFrame, 1, close.pivotX(), close.pivotY(), 0, 0, 0, false,
                Interpolation.EASE_IN_OUT);
        return replaceRange(track, startFrame, startFrame + frames, List.of(wide, close));
    }

    /** The reverse of {@link #dollyIn}: from the face close-up back out to the wide view. */
    public static CameraTrack dollyOut(CameraTrack track, PersonPose subject, int width, int height,
                                       int startFrame, int frames, double faceFraction) {
        CameraKeyframe close = ShotFraming.closeUp(subject, width, height, faceFraction, startFrame, Interpolation.EASE_IN_OUT);
        CameraKeyframe wide = new CameraKeyframe(startFrame + checkFrames(frames), 1, close.pivotX(), close.pivotY(), 0, 0, 0,
                false, Interpolation.EASE_IN_OUT);
        return replaceRange(track, startFrame, startFrame + frames, List.of(close, wide));
    }

    /**
     * A linear pan across the canvas at a fixed {@code zoom} (> 1): the view travels from the left
     * edge of the zoomed canvas to its right edge ({@code leftToRight}) or back.
     */
    public static CameraTrack panAcross(CameraTrack track, int width, int height, int startFrame, int frames,
                                        double zoom, boolean leftToRight) {
        if (!(zoom > 1)) {
            throw new IllegalArgumentException("a pan across needs a zoom above 1 to have room to move, got " + zoom);
        }
        double reach = (zoom - 1) * width / 2;
        double from = leftToRight ? reach : -reach;
        CameraKeyframe a = new CameraKeyframe(startFrame, zoom, width / 2.0, height / 2.0, from, 0, 0, false, Interpolation.LINEAR);
        CameraKeyframe b = new CameraKeyframe(startFrame + checkFrames(frames), zoom, width / 2.0, height / 2.0, -from, 0, 0,
                false, Interpolation.LINEAR);
        return replaceRange(track, startFrame, startFrame + frames, List.of(a, b));
    }

    /**
     * Holds shot {@code from} from {@code startFrame} and cuts to shot {@code to} at {@code cutFrame}
     * (no interpolation between them).
     */
    public static CameraTrack cut(CameraTrack track, PersonPose subject, int width, int height,
                                  int startFrame, int cutFrame, ShotScale from, ShotScale to) {
        if (cutFrame <= startFrame) {
            throw new IllegalArgumentException("the cut must come after the first shot: " + startFrame + " -> " + cutFrame);
        }
        CameraKeyframe a = ShotFraming.frame(from, subject, width, height, startFrame, Interpolation.CONSTANT);
        CameraKeyframe b = ShotFraming.frame(to, subject, width, height, cutFrame, Interpolation.CONSTANT);
        CameraKeyframe cutKey = new CameraKeyframe(b.frame(), b.zoom(), b.pivotX(), b.pivotY(), b.panX(), b.panY(),
                b.rollDegrees(), true, Interpolation.CONSTANT);
        return replaceRange(track, startFrame, cutFrame, List.of(a, cutKey));
    }

    private static int checkFrames(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a camera move needs at least 1 frame, got " + frames);
        }
        return frames;
    }

    private static CameraTrack replaceRange(CameraTrack track, int from, int to, List<CameraKeyframe> keys) {
        List<CameraKeyframe> out = new ArrayList<>();
        for (CameraKeyframe k : track.keyframes()) {
            if (k.frame() < from || k.frame() > to) {
                out.add(k);
            }
        }
        out.addAll(keys);
        return new CameraTrack(out);
    }
}
