package org.fvstudio.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG reading and writing of {@link RgbImage}s. */
public final class PngCodec {

    private PngCodec() {
    }

    public static void write(RgbImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image.toBufferedImage(), "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    public static void write(RgbImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(image, out);
        }
    }

    /** Reads a PNG (or any format ImageIO knows); a file that is not an image is an IOException naming it. */
    public static RgbImage read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException(file + " is not a readable image");
        }
        return RgbImage.fromBufferedImage(image);
    }
}
