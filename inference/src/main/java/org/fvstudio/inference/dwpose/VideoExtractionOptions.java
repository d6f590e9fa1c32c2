package org.fvstudio.inference.dwpose;

import java.util.Optional;

/**
 * @param frameStride       extract frames 0, s, 2s, ...
 * @param smoothing         One Euro filter settings, or {@code null} for raw per-frame poses
 * @param largestPersonOnly keep only the largest person per frame
 */
public record VideoExtractionOptions(int frameStride, OneEuroSettings smoothing, boolean largestPersonOnly) {

    public VideoExtractionOptions {
        if (frameStride < 1) {
            throw new IllegalArgumentException("frame stride must be >= 1, got " + frameStride);
        }
    }

    /** Every frame, no smoothing, everyone. */
    public static VideoExtractionOptions defaults() {
        return new VideoExtractionOptions(1, null, false);
    }

    public VideoExtractionOptions withFrameStride(int stride) {
        return new VideoExtractionOptions(stride, smoothing, largestPersonOnly);
    }

    public VideoExtractionOptions withSmoothing(OneEuroSettings settings) {
        return new VideoExtractionOptions(frameStride, settings, largestPersonOnly);
    }

    public VideoExtractionOptions withLargestPersonOnly(boolean only) {
        return new VideoExtractionOptions(frameStride, smoothing, only);
    }

    public Optional<OneEuroSettings> smoothingSettings() {
        return Optional.ofNullable(smoothing);
    }
}
