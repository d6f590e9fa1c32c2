package org.fvstudio.ui.generation;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.fvstudio.pose.render.RgbImage;

/**
 * One JavaFX image written again for every picture of the same size: moving the playhead over generated frames
 * allocates neither a new image nor a new texture for each (the toolkit's texture pool otherwise grows by a
 * frame's pixels per move until a collection). FX thread only.
 */
final class ReusedImage {

    private WritableImage image;
    private int[] argb = new int[0];

    Image show(RgbImage picture) {
        int width = picture.width();
        int height = picture.height();
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
            argb = new int[width * height];
        }
        picture.toArgb(argb);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
