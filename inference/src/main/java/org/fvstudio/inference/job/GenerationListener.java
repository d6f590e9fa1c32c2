package org.fvstudio.inference.job;

import org.fvstudio.pose.render.RgbImage;

/** Callbacks of a running job; they run on the job's thread, so a UI must hand them over to its own. */
public interface GenerationListener {

    default void onProgress(ProgressEvent event) {
    }

    /** The clean-image estimate of {@code frame} after {@code step} steps (every N steps when asked). */
    default void onPreview(int frame, int step, RgbImage preview) {
    }

    /** A finished frame; the job keeps no reference to it afterwards. */
    default void onFrame(FrameResult result) {
    }

    GenerationListener NONE = new GenerationListener() {
    };
}
