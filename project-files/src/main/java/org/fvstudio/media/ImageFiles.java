package org.fvstudio.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.input.DecodedImage;
import org.fvstudio.input.ImageHeader;
import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.render.RgbImage;

/**
 * Reads still pictures (PNG, JPEG, BMP, GIF through ImageIO; WebP, TIFF and the rest through FFmpeg), refusing any
 * whose declared size is above {@link InputLimits} before decoding it.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** Every pixel of {@code file}. */
    public static RgbImage read(Path file) throws MediaException {
        return readWithin(file, BoundedImageReader.FULL_SIZE).image();
    }

    /**
     * {@code file} decoded with at most {@code maxSide} pixels a side (subsampled while decoding when larger), e.g.
     * {@link InputLimits#WORKING_MAX_SIDE} for pose detection.
     */
    public static Picture readWithin(Path file, int maxSide) throws MediaException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, Files.exists(file) ? "not a file" : "image file not found");
        }
        String name = file.toString();
        try {
            Optional<ImageHeader> header = BoundedImageReader.header(file, name);
            if (header.isEmpty()) {
                return readWithFfmpeg(file, maxSide);
            }
            DecodedImage decoded = BoundedImageReader.read(file, name, maxSide);
            return new Picture(toRgb(decoded.image()), decoded.header().width(), decoded.header().height());
        } catch (BadInputException e) {
            throw new MediaException(file, e.problem(), e);
        } catch (NoSuchFileException e) {
            throw new MediaException(file, "image file not found", e);
        } catch (IOException e) {
            throw new MediaException(file, withoutName(e.getMessage(), name), e);
        }
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

    private static Picture readWithFfmpeg(Path file, int maxSide) throws MediaException {
        try (VideoFrameReader reader = VideoFrameReader.openPicture(file, maxSide)) {
            VideoFrame frame = reader.nextFrame();
            if (frame == null) {
                throw new MediaException(file, "not a readable image (no picture in it)");
            }
            return new Picture(frame.image(), reader.declaredWidth(), reader.declaredHeight());
        } catch (MediaException e) {
            if (e.getCause() instanceof BadInputException) {
                throw e;
            }
            throw new MediaException(file, "not a readable image (neither ImageIO nor FFmpeg can decode it)", e);
        }
    }

    private static String withoutName(String message, String name) {
        return message != null && message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }
}
