package org.fvstudio.ui.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fvstudio.inference.dwpose.VideoPoses;
import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.ui.importing.CanvasFit;

/**
 * Turns the poses of a video into a target track of the project: the poses are fitted to the project canvas
 * like an imported pose sequence ({@link CanvasFit}), and the keys move from video frames to project frames.
 *
 * <p>The timing rule: a pose from video frame f (at v fps) is keyed at project frame round(f * p / v) for a
 * project at p fps, i.e. at the same time in seconds. When several video frames land on one project frame,
 * the one closest in time to it is kept (the earlier on a tie). When the rates are equal, or the video does
 * not state its rate, video frame f is project frame f. The project needs (last key + 1) frames.
 */
public final class VideoKeyPlacement {

    private static final double SAME_RATE = 1e-6;
    /** Seconds under which two time errors count as equal (rounding of f / fps), so ties go to the earlier frame. */
    private static final double TIME_TIE = 1e-9;

    private VideoKeyPlacement() {
    }

    /**
     * @param track        one person track per detected person (largest first), linear between keys
     * @param framesNeeded the frame count that holds every key
     * @param keys         poses kept after resampling
     * @param videoFrames  poses the video gave
     */
    public record ExtractedTarget(PoseTrack track, int framesNeeded, int keys, int videoFrames, double videoFps,
                                  int sourceWidth, int sourceHeight) {
    }

    public static ExtractedTarget place(VideoPoses video, double projectFps, int canvasWidth, int canvasHeight) {
        if (video.size() == 0) {
            throw new IllegalArgumentException("the video gave no frames");
        }
        boolean sameTiming = video.frameRate() <= 0 || Math.abs(video.frameRate() - projectFps) < SAME_RATE;
        Map<Integer, Integer> chosen = new TreeMap<>();
        for (int i = 0; i < video.size(); i++) {
            int source = video.sourceFrames().get(i);
            int target = sameTiming ? source : (int) Math.round(source * projectFps / video.frameRate());
            Integer previous = chosen.get(target);
            if (previous == null || timeError(video, i, target, projectFps, sameTiming)
                    < timeError(video, previous, target, projectFps, sameTiming) - TIME_TIE) {
                chosen.put(target, i);
            }
        }
        List<Pose> poses = new ArrayList<>(chosen.size());
        List<Integer> frames = new ArrayList<>(chosen.size());
        for (Map.Entry<Integer, Integer> entry : chosen.entrySet()) {
            frames.add(entry.getKey());
            poses.add(CanvasFit.fit(video.poses().get(entry.getValue()), canvasWidth, canvasHeight));
        }
        PoseTrack track = new VideoPoses(poses, frames, projectFps).toPoseTrack(Interpolation.LINEAR);
        Pose first = video.poses().get(0);
        return new ExtractedTarget(track, frames.get(frames.size() - 1) + 1, frames.size(), video.size(),
                video.frameRate(), first.canvasWidth(), first.canvasHeight());
    }

    private static double timeError(VideoPoses video, int index, int target, double projectFps, boolean sameTiming) {
        if (sameTiming) {
            return 0;
        }
        return Math.abs(video.sourceFrames().get(index) / video.frameRate() - target / projectFps);
    }
}
