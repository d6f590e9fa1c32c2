package org.fvstudio.inference.skeleton;

import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;

/**
 * Finds the skeletons of the people in a picture, as DWPose 134-point poses on a canvas of the picture's size.
 * DWPose and the embedded estimator both answer to it, so Detect pose, video extraction and the CLI do not
 * care which one runs. Not thread-safe: one per worker thread, never on the JavaFX thread.
 */
public interface SkeletonDetector extends AutoCloseable {

    /** Everyone found, largest first, or only the largest person. */
    Pose detect(RgbImage image, boolean largestPersonOnly) throws InferenceException;

    /** What ran, for the UI and logs, e.g. "DWPose" or "embedded estimator (MoveNet Thunder)". */
    String name();

    /** Where it runs, e.g. "estimator CPU (CPU requested)". */
    String deviceDescription();

    @Override
    void close();
}
