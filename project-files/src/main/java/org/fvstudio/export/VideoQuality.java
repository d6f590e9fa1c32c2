package org.fvstudio.export;

/**
 * Quality presets for H.264. x264 is driven by a constant rate factor; openh264 ignores CRF, so it gets a
 * bitrate derived from the pixel rate (bits per pixel per frame), never FFmpeg's poor 400 kb/s default.
 */
public enum VideoQuality {
    DRAFT(28, 0.08),
    STANDARD(22, 0.15),
    HIGH(18, 0.30);

    private static final int MIN_BITRATE = 600_000;
    private static final int MAX_BITRATE = 80_000_000;

    private final int crf;
    private final double bitsPerPixel;

    VideoQuality(int crf, double bitsPerPixel) {
        this.crf = crf;
        this.bitsPerPixel = bitsPerPixel;
    }

    /** Constant rate factor for libx264 (lower is better). */
    public int crf() {
        return crf;
    }

    /** Target bitrate in bits per second for an encoder without CRF (libopenh264). */
    public int bitrate(int width, int height, double fps) {
        double bits = bitsPerPixel * width * height * fps;
        return (int) Math.max(MIN_BITRATE, Math.min(MAX_BITRATE, Math.round(bits)));
    }
}
