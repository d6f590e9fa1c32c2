package org.fvstudio.export;

/**
 * How to encode an MP4.
 *
 * @param fps     frames per second (the project's)
 * @param quality quality preset, mapped to CRF or bitrate depending on the encoder
 * @param encoder a specific encoder, or null for the best available one
 */
public record VideoSettings(double fps, VideoQuality quality, H264Encoder encoder) {

    public VideoSettings {
        if (!(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("fps must be in (0, 240], got " + fps);
        }
        if (quality == null) {
            throw new IllegalArgumentException("quality is required");
        }
    }

    public static VideoSettings of(double fps) {
        return new VideoSettings(fps, VideoQuality.STANDARD, null);
    }

    public VideoSettings withQuality(VideoQuality newQuality) {
        return new VideoSettings(fps, newQuality, encoder);
    }

    public VideoSettings withEncoder(H264Encoder newEncoder) {
        return new VideoSettings(fps, quality, newEncoder);
    }
}
