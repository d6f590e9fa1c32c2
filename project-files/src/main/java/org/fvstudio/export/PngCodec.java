package org.fvstudio.export;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG reading and writing of {@link RgbImage}s. */
public final class PngCodec {

    private PngCodec() {
    }

    public static void write(RgbImage image, OutputStream out) throws IOException {
        writePng(image.toBufferedImage(), out);
    }

    public static void write(RgbImage image, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(image, out);
        }
    }

    /**
     * Any BufferedImage as PNG, through an in-memory stream: ImageIO's default for plain output streams is a
     * temporary cache file on disk per image, which is slow and needs a writable temp folder.
     */
    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer for " + image.getWidth() + "x" + image.getHeight() + " image type "
                        + image.getType());
            }
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
