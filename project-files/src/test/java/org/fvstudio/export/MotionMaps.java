package org.fvstudio.export;

import org.fvstudio.pose.render.RgbImage;

/**
 * Correlation-like maps made from real frames: the mean absolute colour change against a still frame, pooled
 * onto a coarse grid (as a PCM map is coarser than the image). They peak where the person moves.
 */
public final class MotionMaps {

    private MotionMaps() {
    }

    public static FloatMap motion(RgbImage frame, RgbImage still, int gridW, int gridH) {
        float[] values = new float[gridW * gridH];
        int[] counts = new int[gridW * gridH];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int cell = (y * gridH / frame.height()) * gridW + x * gridW / frame.width();
                int p = frame.rgb(x, y);
                int q = still.rgb(x, y);
                values[cell] += (Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF))) / (3 * 255f);
                counts[cell]++;
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= counts[i];
        }
        return FloatMap.of(gridW, gridH, values);
    }
}
