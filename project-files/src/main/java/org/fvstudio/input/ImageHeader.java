package org.fvstudio.input;

import java.util.Locale;

/**
 * What a picture's header declares, read before any pixel is decoded.
 *
 * @param format ImageIO's format name in lower case: "png", "jpeg", "bmp", "gif"
 */
public record ImageHeader(String format, int width, int height) {

    public ImageHeader {
        format = format.toLowerCase(Locale.ROOT);
    }

    /** "PNG", "JPEG": the format as messages name it. */
    public String label() {
        return format.toUpperCase(Locale.ROOT);
    }
}
