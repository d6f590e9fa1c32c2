package org.fvstudio.ui.view;

import java.util.Optional;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.DwposeRenderer;
import org.fvstudio.pose.render.RgbImage;

/**
 * Draws poses with the DWPose renderer (the same raster the model sees) into JavaFX images:
 * coloured limbs on black at the pose's canvas size.
 */
public final class SkeletonImages {

    private final DwposeRenderer renderer = new DwposeRenderer();

    public Optional<Image> draw(Pose pose) {
        RgbImage raster = renderer.render(pose);
        int[] argb = new int[raster.width() * raster.height()];
        raster.toArgb(argb);
        WritableImage image = new WritableImage(raster.width(), raster.height());
        image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(),
                PixelFormat.getIntArgbInstance(), argb, 0, raster.width());
        return Optional.of(image);
    }
}
