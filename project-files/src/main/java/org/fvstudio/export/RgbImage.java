package org.fvstudio.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Objects;

/**
 * An opaque 8-bit RGB picture, packed as 0xRRGGBB per pixel in row-major order.
 * UI-free: the studio converts its JavaFX images to and from this at the boundary.
 */
public final class RgbImage {

    private final int width;
    private final int height;
    private final int[] rgb;

    private RgbImage(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    /** Wraps a copy of {@code pixels} (0xRRGGBB, alpha bits ignored). */
    public static RgbImage of(int width, int height, int[] pixels) {
        checkSize(width, height);
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels for "
                    + width + "x" + height + ", got " + pixels.length);
        }
        int[] copy = new int[pixels.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = pixels[i] & 0xFFFFFF;
        }
        return new RgbImage(width, height, copy);
    }

    /** From interleaved bytes R,G,B,R,G,B... */
    public static RgbImage ofInterleavedRgb(int width, int height, byte[] rgbBytes) {
        checkSize(width, height);
        if (rgbBytes.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes for "
                    + width + "x" + height + " RGB, got " + rgbBytes.length);
        }
        int[] packed = new int[width * height];
        for (int i = 0, b = 0; i < packed.length; i++, b += 3) {
            packed[i] = (rgbBytes[b] & 0xFF) << 16 | (rgbBytes[b + 1] & 0xFF) << 8 | (rgbBytes[b + 2] & 0xFF);
        }
        return new RgbImage(width, height, packed);
    }

    /** Takes ownership of {@code pixels} (already 0xRRGGBB, alpha bits clear): for this package's hot paths. */
    static RgbImage wrap(int width, int height, int[] pixels) {
        return new RgbImage(width, height, pixels);
    }

    /** The pixels without a copy: callers in this package must not modify them. */
    int[] raw() {
        return rgb;
    }

    public static RgbImage filled(int width, int height, int rgb) {
        checkSize(width, height);
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, rgb & 0xFFFFFF);
        return new RgbImage(width, height, pixels);
    }

    public static RgbImage fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getNumBanks() == 1 && data.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && data.getData().length == w * h) {
            int[] pixels = data.getData().clone();
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] &= 0xFFFFFF;
            }
            return new RgbImage(w, h, pixels);
        }
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, pixels);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(rgb, 0, data, 0, rgb.length);
        return image;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** A copy of the packed pixels. */
    public int[] pixels() {
        return rgb.clone();
    }

    /** Interleaved R,G,B bytes, row-major, no padding. */
    public byte[] toInterleavedRgb() {
        byte[] out = new byte[rgb.length * 3];
        for (int i = 0, b = 0; i < rgb.length; i++, b += 3) {
            int p = rgb[i];
            out[b] = (byte) (p >> 16);
            out[b + 1] = (byte) (p >> 8);
            out[b + 2] = (byte) p;
        }
        return out;
    }

    /** Places this image at the top-left of a black canvas of the given size (used to reach even sizes). */
    public RgbImage padTo(int newWidth, int newHeight) {
        if (newWidth < width || newHeight < height) {
            throw new IllegalArgumentException("cannot pad " + width + "x" + height + " to " + newWidth + "x" + newHeight);
        }
        if (newWidth == width && newHeight == height) {
            return this;
        }
        int[] out = new int[newWidth * newHeight];
        for (int y = 0; y < height; y++) {
            System.arraycopy(rgb, y * width, out, y * newWidth, width);
        }
        return new RgbImage(newWidth, newHeight, out);
    }

    /** The rectangle (x, y, w, h) of this image. */
    public RgbImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop " + x + "," + y + " " + w + "x" + h
                    + " outside " + width + "x" + height);
        }
        int[] out = new int[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(rgb, (y + row) * width + x, out, row * w, w);
        }
        return new RgbImage(w, h, out);
    }

    /** Bilinear resampling to a new size (pixel centres aligned). */
    public RgbImage scaledTo(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight);
        if (newWidth == width && newHeight == height) {
            return this;
        }
        int[] out = new int[newWidth * newHeight];
        double sx = (double) width / newWidth;
        double sy = (double) height / newHeight;
        for (int y = 0; y < newHeight; y++) {
            double fy = Math.max(0, Math.min(height - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, height - 1);
            double wy = fy - y0;
            for (int x = 0; x < newWidth; x++) {
                double fx = Math.max(0, Math.min(width - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, width - 1);
                double wx = fx - x0;
                int p00 = rgb[y0 * width + x0];
                int p01 = rgb[y0 * width + x1];
                int p10 = rgb[y1 * width + x0];
                int p11 = rgb[y1 * width + x1];
                int r = lerp2(p00 >> 16 & 0xFF, p01 >> 16 & 0xFF, p10 >> 16 & 0xFF, p11 >> 16 & 0xFF, wx, wy);
                int g = lerp2(p00 >> 8 & 0xFF, p01 >> 8 & 0xFF, p10 >> 8 & 0xFF, p11 >> 8 & 0xFF, wx, wy);
                int b = lerp2(p00 & 0xFF, p01 & 0xFF, p10 & 0xFF, p11 & 0xFF, wx, wy);
                out[y * newWidth + x] = r << 16 | g << 8 | b;
            }
        }
        return new RgbImage(newWidth, newHeight, out);
    }

    /** Scales to the given height keeping the aspect ratio (width at least 1). */
    public RgbImage scaledToHeight(int newHeight) {
        int newWidth = Math.max(1, (int) Math.round((double) width * newHeight / height));
        return scaledTo(newWidth, newHeight);
    }

    private static int lerp2(int a, int b, int c, int d, double wx, double wy) {
        double top = a + (b - a) * wx;
        double bottom = c + (d - c) * wx;
        return (int) Math.round(top + (bottom - top) * wy);
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && other.width == width && other.height == height
                && Arrays.equals(other.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
