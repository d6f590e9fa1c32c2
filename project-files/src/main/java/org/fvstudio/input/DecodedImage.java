package org.fvstudio.input;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A decoded picture with the header it came from. When the picture was larger than asked for, {@code image} is
 * smaller than the header's size by {@code subsampling} (every n-th pixel of every n-th row).
 *
 * @param warnings what the decoder reported but survived, e.g. a JPEG truncated and padded with grey
 */
public record DecodedImage(BufferedImage image, ImageHeader header, int subsampling, List<String> warnings) {

    public DecodedImage {
        warnings = List.copyOf(warnings);
    }
}
