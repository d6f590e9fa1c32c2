package org.fvstudio.pose.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.input.InputLimits;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * PNG reading and writing of {@link RgbImage}s through javax.imageio (headless). Writing uses a fast
 * deflate level: frames and cache entries are written far more often than they are archived.
 */
public final class PngImages {

    /** ImageIO's PNG writer maps quality q to deflate level round(9 * (1 - q)); 0.7 gives level 3. */
    private static final float FAST_DEFLATE_QUALITY = 0.7f;

    private PngImages() {
    }

    public static void write(RgbImage image, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(image, out);
        }
    }

    public static void write(RgbImage image, OutputStream out) throws IOException {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) buffered.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.packedPixels(), 0, target, 0, target.length);
        writeFast(buffered, out);
    }

    /** A 16-bit greyscale PNG of {@code samples} (0..65535, row-major), e.g. a quantised correlation map. */
    public static void writeGrey16(int width, int height, int[] samples, OutputStream out) throws IOException {
        if (samples.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " samples, got " + samples.length);
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = grey.getRaster();
        raster.setSamples(0, 0, width, height, 0, samples);
        writeFast(grey, out);
    }

    /** Reads any image ImageIO understands; alpha is dropped. Pictures above {@link InputLimits} are refused unread. */
    public static RgbImage read(Path file) throws IOException {
        return toRgb(BoundedImageReader.read(file, file.toString(), BoundedImageReader.FULL_SIZE).image());
    }

    /**
     * Reads a picture with at most {@code maxSide} pixels a side, subsampled while decoding when the file is larger
     * (e.g. {@link InputLimits#WORKING_MAX_SIDE} for a reference photo).
     */
    public static RgbImage readWithin(Path file, int maxSide) throws IOException {
        return toRgb(BoundedImageReader.read(file, file.toString(), maxSide).image());
    }

    public static RgbImage read(InputStream in, String name) throws IOException {
        return toRgb(readBuffered(in, name));
    }

    /** Reads any image ImageIO understands, keeping its own sample layout (e.g. 16-bit grey). */
    public static BufferedImage readBuffered(InputStream in, String name) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, InputLimits.IMAGE_MAX_BYTES + 1));
        return BoundedImageReader.read(data, name, BoundedImageReader.FULL_SIZE).image();
    }

    private static RgbImage toRgb(BufferedImage buffered) {
        int w = buffered.getWidth();
        int h = buffered.getHeight();
        int[] argb = buffered.getRGB(0, 0, w, h, null, 0, w);
        return RgbImage.ofPacked(w, h, argb);
    }

    private static void writeFast(BufferedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
        ImageWriter writer = writers.next();
        // In memory, not ImageIO's default file cache: when the disk fills, that cache's failed close() is
        // retried by ImageIO's exit hook and ends the JVM with a NullPointerException trace.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(FAST_DEFLATE_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
