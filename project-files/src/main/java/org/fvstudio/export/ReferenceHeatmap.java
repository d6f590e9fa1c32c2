package org.fvstudio.export;

import org.fvstudio.pose.render.RgbImage;

/** A reference shot's image and its correlation map at each frame, for the review compositions. */
public record ReferenceHeatmap(String label, RgbImage image, MapSource maps) {

    public ReferenceHeatmap {
        if (image == null || maps == null) {
            throw new IllegalArgumentException("a reference heatmap needs an image and maps");
        }
    }
}
