package org.fvstudio.inference.image;

import org.fvstudio.inference.selection.BilinearResize;
import org.fvstudio.pose.render.RgbImage;

/** Correlation maps as pictures: bilinear upsampling and the perceptual "inferno" colour map. */
public final class Heatmaps {

    /** Inferno control points (matplotlib), evenly spaced over [0, 1]. */
    private static final int[] INFERNO = {0x000004, 0x1b0c41, 0x4a0c6b, 0x781c6d, 0xa52c60, 0xcf4446, 0xed6925,
        0xfb9b06, 0xf7d13d, 0xfcffa4};

    private Heatmaps() {
    }

    /** {@code map} (h x w) scaled from [lo, hi] to [0, 1], upsampled to {@code size} x {@code size}, coloured. */
    public static RgbImage render(float[] map, int h, int w, float lo, float hi, int width, int height) {
        float[] up = BilinearResize.resize(map, h, w, height, width, false);
        int[] packed = new int[width * height];
        float range = hi > lo ? hi - lo : 1;
        for (int i = 0; i < up.length; i++) {
            packed[i] = inferno((up[i] - lo) / range);
        }
        return RgbImage.ofPacked(width, height, packed);
    }

    public static int inferno(double t) {
        double v = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (INFERNO.length - 1);
        int i = Math.min((int) v, INFERNO.length - 2);
        double f = v - i;
        int a = INFERNO[i];
        int b = INFERNO[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return r << 16 | g << 8 | bl;
    }
}
