package org.fvstudio.media;

import org.fvstudio.pose.render.RgbImage;

/**
 * One decoded video frame.
 *
 * @param index            0-based position of the frame in the file
 * @param timestampSeconds presentation time
 * @param image            the pixels
 */
public record VideoFrame(int index, double timestampSeconds, RgbImage image) {
}
