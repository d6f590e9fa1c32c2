package org.fvstudio.media;

/**
 * An 8-bit RGB picture, rows top to bottom, pixels packed as r, g, b bytes (no padding).
 * The array is shared, not copied: treat it as read-only.
 */
public record RgbImage(int width, int height, byte[] rgb) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (rgb == null || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("expected " + 3L * width * height + " RGB bytes for " + width + "x" + height
                    + ", got " + (rgb == null ? "none" : rgb.length));
        }
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel (x, y), 0..255. */
    public int channel(int x, int y, int c) {
        return rgb[3 * (y * width + x) + c] & 0xff;
    }

    /** The pixel as 0xRRGGBB. */
    public int rgbAt(int x, int y) {
        int i = 3 * (y * width + x);
        return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
    }

    /** This image shrunk by a whole {@code factor}: each pixel is the mean of a factor x factor block (edges cropped). */
    public RgbImage shrunkBy(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("shrink factor must be >= 1, got " + factor);
        }
        if (factor == 1) {
            return this;
        }
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        int fx = Math.min(factor, width);
        int fy = Math.min(factor, height);
        byte[] out = new byte[3 * w * h];
        int[] sum = new int[3 * w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(sum, 0);
            for (int dy = 0; dy < fy; dy++) {
                int row = 3 * (y * fy + dy) * width;
                for (int x = 0; x < w; x++) {
                    int base = row + 3 * x * fx;
                    for (int dx = 0; dx < 3 * fx; dx += 3) {
                        sum[3 * x] += rgb[base + dx] & 0xff;
                        sum[3 * x + 1] += rgb[base + dx + 1] & 0xff;
                        sum[3 * x + 2] += rgb[base + dx + 2] & 0xff;
                    }
                }
            }
            int n = fx * fy;
            for (int i = 0; i < 3 * w; i++) {
                out[3 * y * w + i] = (byte) ((sum[i] + n / 2) / n);
            }
        }
        return new RgbImage(w, h, out);
    }
}
