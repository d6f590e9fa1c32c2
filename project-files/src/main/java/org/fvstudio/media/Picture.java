package org.fvstudio.media;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;

/**
 * A still picture as decoded for work, possibly smaller than the file: {@code sourceWidth} x {@code sourceHeight}
 * is the size the file declares, and so the canvas of poses found in it.
 */
public record Picture(RgbImage image, int sourceWidth, int sourceHeight) {

    public boolean downscaled() {
        return image.width() != sourceWidth || image.height() != sourceHeight;
    }

    /** A pose found in {@link #image()}, moved onto the picture's own canvas (its size in the file). */
    public Pose onSourceCanvas(Pose found) {
        if (!downscaled()) {
            return new Pose(sourceWidth, sourceHeight, found.people());
        }
        double sx = sourceWidth / (double) image.width();
        double sy = sourceHeight / (double) image.height();
        return new Pose(sourceWidth, sourceHeight,
                found.people().stream().map(p -> p.transformed(sx, 0, 0, sy, 0, 0)).toList());
    }
}
