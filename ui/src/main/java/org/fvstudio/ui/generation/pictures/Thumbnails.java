package org.fvstudio.ui.generation.pictures;

import org.fvstudio.pose.render.RgbImage;

/** Small copies of pictures, each pixel the mean of the box of source pixels it covers (no aliasing). */
final class Thumbnails {

    private Thumbnails() {
    }

    static RgbImage boxAverage(RgbImage image, int maxSide) {
        int longer = Math.max(image.width(), image.height());
        if (longer <= maxSide) {
            return image.copy();
        }
        int w = Math.max(1, (int) ((long) image.width() * maxSide / longer));
        int h = Math.max(1, (int) ((long) image.height() * maxSide / longer));
        int[] src = image.packedPixels();
        RgbImage out = new RgbImage(w, h);
        for (int y = 0; y < h; y++) {
            int y0 = y * image.height() / h;
            int y1 = Math.max(y0 + 1, (y + 1) * image.height() / h);
            for (int x = 0; x < w; x++) {
                int x0 = x * image.width() / w;
                int x1 = Math.max(x0 + 1, (x + 1) * image.width() / w);
                long r = 0;
                long g = 0;
                long b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        int p = src[sy * image.width() + sx];
                        r += p >>> 16 & 0xFF;
                        g += p >>> 8 & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (y1 - y0) * (x1 - x0);
                out.setRgb(x, y, (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n));
            }
        }
        return out;
    }
}
