package org.fvstudio.export;

/** Colours a correlation map with {@link InfernoColorMap} and blends it over an image. */
public final class HeatmapOverlay {

    private HeatmapOverlay() {
    }

    /** The map, bilinearly resized to width x height, in inferno colours. */
    public static RgbImage colorize(FloatMap map, HeatmapRange range, int width, int height) {
        int[] out = new int[width * height];
        double sx = (double) map.width() / width;
        double sy = (double) map.height() / height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = map.sample((x + 0.5) * sx, (y + 0.5) * sy);
                out[y * width + x] = InfernoColorMap.rgb(range.normalise(value));
            }
        }
        return RgbImage.of(width, height, out);
    }

    /**
     * The heatmap laid over {@code base} with the given opacity: 0 shows only the image, 1 only the heatmap.
     * The map is stretched over the whole image, as the correlation grid covers the whole reference.
     */
    public static RgbImage overlay(RgbImage base, FloatMap map, HeatmapRange range, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
        }
        RgbImage heat = colorize(map, range, base.width(), base.height());
        int[] a = base.pixels();
        int[] b = heat.pixels();
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = blend(a[i], b[i], opacity);
        }
        return RgbImage.of(base.width(), base.height(), out);
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
