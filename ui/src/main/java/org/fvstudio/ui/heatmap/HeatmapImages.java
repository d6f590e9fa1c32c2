package org.fvstudio.ui.heatmap;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.fvstudio.export.FloatMap;
import org.fvstudio.export.HeatmapRange;
import org.fvstudio.export.InfernoColorMap;

/** Correlation maps coloured with the inferno map of the export package, so screen and video agree. */
public final class HeatmapImages {

    private static final int[] INFERNO = InfernoColorMap.table();

    private HeatmapImages() {
    }

    /** The map bilinearly resampled to {@code width x height} and coloured over {@code range}. */
    public static Image colour(FloatMap map, HeatmapRange range, int width, int height) {
        int[] argb = new int[width * height];
        double sx = map.width() / (double) width;
        double sy = map.height() / (double) height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = range.normalise(map.sample((x + 0.5) * sx, (y + 0.5) * sy));
                argb[y * width + x] = 0xFF000000 | INFERNO[index(t)];
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    /** A horizontal colour bar from the low to the high end of the map, for the legend. */
    public static Image legendBar(int width, int height) {
        int[] argb = new int[width * height];
        for (int x = 0; x < width; x++) {
            int c = 0xFF000000 | INFERNO[index(x / (double) Math.max(1, width - 1))];
            for (int y = 0; y < height; y++) {
                argb[y * width + x] = c;
            }
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    private static int index(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return (int) Math.round(clamped * (INFERNO.length - 1));
    }
}
