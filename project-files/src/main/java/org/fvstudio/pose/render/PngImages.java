package org.fvstudio.pose.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Minimal PNG reading and writing for tests and the command line (javax.imageio, headless). */
public final class PngImages {

    private PngImages() {
    }

    public static void write(RgbImage image, Path file) throws IOException {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        buffered.setRGB(0, 0, image.width(), image.height(), image.packedPixels(), 0, image.width());
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException(file + ": no PNG writer available");
            }
        }
    }

    /** Reads any image ImageIO understands; alpha is dropped. */
    public static RgbImage read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static RgbImage read(InputStream in, String name) throws IOException {
        BufferedImage buffered;
        try {
            buffered = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": not a readable image (" + e.getMessage() + ")", e);
        }
        if (buffered == null) {
            throw new IOException(name + ": not a PNG/JPEG image");
        }
        int w = buffered.getWidth();
        int h = buffered.getHeight();
        int[] argb = buffered.getRGB(0, 0, w, h, null, 0, w);
        return RgbImage.ofPacked(w, h, argb);
    }
}
