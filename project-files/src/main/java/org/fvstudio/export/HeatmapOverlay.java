package org.fvstudio.export;

import org.fvstudio.pose.render.RgbImage;

/** Colours a correlation map with {@link InfernoColorMap} and blends it over an image. */
public final class HeatmapOverlay {

    private HeatmapOverlay() {
    }

    /** The map, bilinearly resized to width x height, in inferno colours. */
    public static RgbImage colorize(FloatMap map, HeatmapRange range, int width, int height) {
        RgbImage out = new RgbImage(width, height);
        colours(map, range, width, height, out.packedPixels());
        return out;
    }

    /** Bilinear resampling with the same pixel-centre convention as {@link FloatMap#sample}, table lookups. */
    private static void colours(FloatMap map, HeatmapRange range, int width, int height, int[] out) {
        int mw = map.width();
        int mh = map.height();
        float[] values = map.values();
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        float[] wx = new float[width];
        double sx = (double) mw / width;
        for (int x = 0; x < width; x++) {
            double fx = Math.max(0, Math.min(mw - 1, (x + 0.5) * sx - 0.5));
            x0[x] = (int) fx;
            x1[x] = Math.min(x0[x] + 1, mw - 1);
            wx[x] = (float) (fx - x0[x]);
        }
        int[] table = InfernoColorMap.table();
        double span = (double) range.max() - range.min();
        double scale = span > 0 ? 255 / span : 0;
        double offset = range.min();
        double sy = (double) mh / height;
        float[] row = new float[mw];
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(mh - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, mh - 1);
            float wy = (float) (fy - y0);
            for (int i = 0; i < mw; i++) {
                float top = values[y0 * mw + i];
                row[i] = top + (values[y1 * mw + i] - top) * wy;
            }
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float left = row[x0[x]];
                double value = left + (row[x1[x]] - left) * wx[x];
                int index = (int) Math.round((value - offset) * scale);
                out[base + x] = table[index < 0 ? 0 : Math.min(255, index)];
            }
        }
    }

    /**
     * The heatmap laid over {@code base} with the given opacity: 0 shows only the image, 1 only the heatmap.
     * The map is stretched over the whole image, as the correlation grid covers the whole reference.
     */
    public static RgbImage overlay(RgbImage base, FloatMap map, HeatmapRange range, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
        }
        RgbImage result = new RgbImage(base.width(), base.height());
        int[] out = result.packedPixels();
        colours(map, range, base.width(), base.height(), out);
        int[] a = base.packedPixels();
        for (int i = 0; i < a.length; i++) {
            out[i] = blend(a[i], out[i], opacity);
        }
        return result;
    }

    static int blend(int under, int over, double opacity) {
        int r = mix(under >> 16 & 0xFF, over >> 16 & 0xFF, opacity);
        int g = mix(under >> 8 & 0xFF, over >> 8 & 0xFF, opacity);
        int b = mix(under & 0xFF, over & 0xFF, opacity);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int under, int over, double opacity) {
        return (int) Math.round(under + (over - under) * opacity);
    }
}
