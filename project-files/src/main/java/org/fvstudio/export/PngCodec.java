package org.fvstudio.export;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fvstudio.pose.render.RgbImage;

/** PNG reading (ImageIO) and writing ({@link PngEncoder}) of {@link RgbImage}s. */
public final class PngCodec {

    private PngCodec() {
    }

    public static void write(RgbImage image, OutputStream out) throws IOException {
        PngEncoder.writeRgb8(image.width(), image.height(), image.packedPixels(), out);
    }

    /** A 16-bit greyscale PNG of {@code samples} (0..65535, row-major): how the cache keeps correlation maps. */
    public static void writeGrey16(int width, int height, int[] samples, OutputStream out) throws IOException {
        if (samples.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " samples, got " + samples.length);
        }
        PngEncoder.writeGrey16(width, height, samples, out);
    }

    public static void write(RgbImage image, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
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
        return Images.fromBufferedImage(image);
    }
}
