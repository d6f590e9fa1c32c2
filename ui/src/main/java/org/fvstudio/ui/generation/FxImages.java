package org.fvstudio.ui.generation;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pictures of the pipeline and the cache as JavaFX images (a copy of the pixels; cheap at frame sizes). */
public final class FxImages {

    private FxImages() {
    }

    public static Image of(org.fvstudio.pose.render.RgbImage image) {
        return ofPacked(image.width(), image.height(), image.packedPixels());
    }

    /** A nearest-neighbour thumbnail no larger than {@code size} on its longer side. */
    public static Image thumbnail(org.fvstudio.pose.render.RgbImage image, int size) {
        double scale = Math.min(1.0, size / (double) Math.max(image.width(), image.height()));
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        int[] src = image.packedPixels();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(image.height() - 1, (int) (y / scale));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(image.width() - 1, (int) (x / scale));
                out[y * w + x] = src[sy * image.width() + sx];
            }
        }
        return ofPacked(w, h, out);
    }

    static Image ofPacked(int width, int height, int[] rgb) {
        int[] argb = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            argb[i] = 0xFF000000 | (rgb[i] & 0xFFFFFF);
        }
        WritableImage out = new WritableImage(width, height);
        out.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return out;
    }
}
