package org.fvstudio.ui.video;

import java.nio.file.Path;

/** One decoded picture: frame {@code frame} of {@code file}, for showing at most shownWidth x shownHeight. */
record VideoFrameKey(Path file, int frame, int shownWidth, int shownHeight) {

    /** The whole factor that shrinks a {@code width} x {@code height} frame to no less than its letterboxed size. */
    int shrinkFor(int width, int height) {
        double scale = Math.min(shownWidth / (double) width, shownHeight / (double) height);
        return Math.max(1, (int) Math.floor(1 / scale));
    }
}
