package org.fvstudio.export;

/**
 * Quality presets for H.264. x264 is driven by a constant rate factor; openh264 ignores CRF, so it gets a
 * bitrate derived from the pixel rate (bits per pixel per frame), never FFmpeg's poor 400 kb/s default.
 */
public enum VideoQuality {
    DRAFT(28, 0.08, 250_000),
    STANDARD(22, 0.15, 600_000),
    HIGH(18, 0.30, 1_200_000);

    private static final int MAX_BITRATE = 80_000_000;

    private final int crf;
    private final double bitsPerPixel;
    private final int minBitrate;

    /** The floor keeps small frames from starving (and the presets distinct there). */
    VideoQuality(int crf, double bitsPerPixel, int minBitrate) {
        this.crf = crf;
        this.bitsPerPixel = bitsPerPixel;
        this.minBitrate = minBitrate;
    }

    /** Constant rate factor for libx264 (lower is better). */
    public int crf() {
        return crf;
    }

    /** Target bitrate in bits per second for an encoder without CRF (libopenh264). */
    public int bitrate(int width, int height, double fps) {
        double bits = bitsPerPixel * width * height * fps;
        return (int) Math.max(minBitrate, Math.min(MAX_BITRATE, Math.round(bits)));
    }
}
