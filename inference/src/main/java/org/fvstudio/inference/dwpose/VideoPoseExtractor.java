package org.fvstudio.inference.dwpose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.media.MediaException;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.Pose;
import org.fvstudio.inference.runtime.CancellationToken;

/** Runs a {@link SkeletonDetector} (DWPose or the embedded one) over the frames of a video (anything FFmpeg decodes). */
public final class VideoPoseExtractor {

    private final SkeletonDetector extractor;

    /** Uses (does not own) {@code extractor}; the caller closes it. */
    public VideoPoseExtractor(SkeletonDetector extractor) {
        this.extractor = extractor;
    }

    /** Nominal time from the index: container timestamps can repeat or jump, the filter needs increasing times. */
    private static double frameTime(VideoFrame frame, double frameRate) {
        return frameRate > 0 ? frame.index() / frameRate : frame.index() / 30.0;
    }

    /**
     * Extracts one Pose per delivered frame. Unless only the largest person is kept, people are tracked across
     * frames by box overlap ({@link PersonTracker}): person n of every frame is the same person, an empty person
     * where they were not seen. The token is checked before each frame; progress is reported after each one.
     */
    public VideoPoses extract(Path video, VideoExtractionOptions options, ExtractionProgress progress,
            CancellationToken cancel) throws MediaException, InferenceException, ExtractionCancelledException {
        List<Pose> poses = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();
        PoseSmoother smoother = options.smoothingSettings().map(PoseSmoother::new).orElse(null);
        PersonTracker tracker = options.largestPersonOnly() ? null : new PersonTracker();
        try (VideoFrameReader reader = VideoFrameReader.open(video, options.frameStride())) {
            int total = reader.expectedDeliveredCount();
            while (true) {
                if (cancel.isCancelled()) {
                    throw new ExtractionCancelledException(poses.size());
                }
                VideoFrame frame = reader.nextFrame();
                if (frame == null) {
                    break;
                }
                Pose pose = extractor.detect(frame.image(), options.largestPersonOnly());
                if (tracker != null) {
                    pose = tracker.track(pose);
                }
                if (smoother != null) {
                    pose = smoother.smooth(pose, frameTime(frame, reader.frameRate()));
                }
                poses.add(pose);
                frames.add(frame.index());
                int done = poses.size();
                int shownTotal = total > 0 ? Math.max(total, done) : 0;
                progress.onFrame(done, shownTotal, shownTotal > 0 ? (double) done / shownTotal : -1);
            }
            return new VideoPoses(poses, frames, reader.frameRate());
        }
    }
}
