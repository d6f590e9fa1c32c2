package org.fvstudio.media;

import org.fvstudio.pose.render.RgbImage;

/** Shrinks an image by a whole factor, each pixel the mean of a factor x factor block (edges cropped). */
public final class BoxShrink {

    private BoxShrink() {
    }

    public static RgbImage shrink(RgbImage image, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("shrink factor must be >= 1, got " + factor);
        }
        if (factor == 1) {
            return image;
        }
        int width = image.width();
        int height = image.height();
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        int fx = Math.min(factor, width);
        int fy = Math.min(factor, height);
        int[] pixels = image.packedPixels();
        int[] out = new int[w * h];
        int[] sum = new int[3 * w];
        int n = fx * fy;
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(sum, 0);
            for (int dy = 0; dy < fy; dy++) {
                int row = (y * fy + dy) * width;
                for (int x = 0; x < w; x++) {
                    for (int dx = 0; dx < fx; dx++) {
                        int p = pixels[row + x * fx + dx];
                        sum[3 * x] += p >> 16 & 0xff;
                        sum[3 * x + 1] += p >> 8 & 0xff;
                        sum[3 * x + 2] += p & 0xff;
                    }
                }
            }
            for (int x = 0; x < w; x++) {
                int r = (sum[3 * x] + n / 2) / n;
                int g = (sum[3 * x + 1] + n / 2) / n;
                int b = (sum[3 * x + 2] + n / 2) / n;
                out[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        return RgbImage.ofPacked(w, h, out);
    }
}
