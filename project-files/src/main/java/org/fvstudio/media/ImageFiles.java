package org.fvstudio.media;

import org.fvstudio.pose.render.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Reads still pictures (PNG, JPEG, BMP, GIF through ImageIO; WebP, TIFF and the rest through FFmpeg). */
public final class ImageFiles {

    private ImageFiles() {
    }

    public static RgbImage read(Path file) throws MediaException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, "image file not found");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new MediaException(file, "not a readable image (" + e.getMessage() + ")", e);
        }
        return image != null ? toRgb(image) : readWithFfmpeg(file);
    }

    /** Copies any BufferedImage into packed RGB (alpha is dropped). */
    public static RgbImage toRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[3 * w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int i = 3 * (y * w + x);
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return RgbImage.ofRgbBytes(w, h, rgb);
    }

    private static RgbImage readWithFfmpeg(Path file) throws MediaException {
        try (VideoFrameReader reader = VideoFrameReader.open(file)) {
            VideoFrame frame = reader.nextFrame();
            if (frame == null) {
                throw new MediaException(file, "not a readable image (no picture in it)");
            }
            return frame.image();
        } catch (MediaException e) {
            throw new MediaException(file, "not a readable image (neither ImageIO nor FFmpeg can decode it)", e);
        }
    }
}
