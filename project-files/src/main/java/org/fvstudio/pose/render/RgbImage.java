package org.fvstudio.pose.render;

import java.util.Arrays;

/**
 * A mutable 8-bit RGB raster, one packed {@code 0xRRGGBB} int per pixel, rows top to bottom.
 * Kept free of AWT and JavaFX so that the renderer runs anywhere (CLI, tests, inference).
 */
public final class RgbImage {

    private final int width;
    private final int height;
    private final int[] pixels;

    public RgbImage(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    /** Wraps a copy of packed {@code 0xRRGGBB} pixels (the top byte is ignored). */
    public static RgbImage ofPacked(int width, int height, int[] packedRgb) {
        RgbImage image = new RgbImage(width, height);
        if (packedRgb.length != image.pixels.length) {
            throw new IllegalArgumentException("expected " + image.pixels.length + " pixels, got " + packedRgb.length);
        }
        for (int i = 0; i < packedRgb.length; i++) {
            image.pixels[i] = packedRgb[i] & 0xFFFFFF;
        }
        return image;
    }

    /** Builds an image from interleaved R, G, B bytes (length 3 * width * height). */
    public static RgbImage ofRgbBytes(int width, int height, byte[] rgb) {
        RgbImage image = new RgbImage(width, height);
        if (rgb.length != 3 * image.pixels.length) {
            throw new IllegalArgumentException("expected " + 3 * image.pixels.length + " bytes, got " + rgb.length);
        }
        for (int i = 0, j = 0; i < image.pixels.length; i++, j += 3) {
            image.pixels[i] = (rgb[j] & 0xFF) << 16 | (rgb[j + 1] & 0xFF) << 8 | (rgb[j + 2] & 0xFF);
        }
        return image;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel at (x, y) as {@code 0xRRGGBB}. */
    public int rgb(int x, int y) {
        return pixels[index(x, y)];
    }

    public void setRgb(int x, int y, int rgb) {
        pixels[index(x, y)] = rgb & 0xFFFFFF;
    }

    public int red(int x, int y) {
        return rgb(x, y) >>> 16 & 0xFF;
    }

    public int green(int x, int y) {
        return rgb(x, y) >>> 8 & 0xFF;
    }

    public int blue(int x, int y) {
        return rgb(x, y) & 0xFF;
    }

    /** Sets every pixel to black. */
    public void clear() {
        Arrays.fill(pixels, 0);
    }

    /**
     * The live backing array ({@code 0xRRGGBB}, row-major). Writers must keep the top byte zero;
     * it is exposed so that display code can copy pixels without an intermediate buffer.
     */
    public int[] packedPixels() {
        return pixels;
    }

    /** A copy of the pixels as interleaved R, G, B bytes. */
    public byte[] toRgbBytes() {
        byte[] out = new byte[pixels.length * 3];
        for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
            int p = pixels[i];
            out[j] = (byte) (p >>> 16);
            out[j + 1] = (byte) (p >>> 8);
            out[j + 2] = (byte) p;
        }
        return out;
    }

    /** Writes opaque {@code 0xAARRGGBB} pixels into {@code argb} (length width * height). */
    public void toArgb(int[] argb) {
        checkLength(argb);
        for (int i = 0; i < pixels.length; i++) {
            argb[i] = 0xFF000000 | pixels[i];
        }
    }

    /**
     * Like {@link #toArgb(int[])}, but black pixels become fully transparent, so a rendered
     * skeleton can be laid over a reference image.
     */
    public void toArgbBlackTransparent(int[] argb) {
        checkLength(argb);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            argb[i] = p == 0 ? 0 : 0xFF000000 | p;
        }
    }

    public RgbImage copy() {
        return ofPacked(width, height, pixels);
    }

    private void checkLength(int[] argb) {
        if (argb.length != pixels.length) {
            throw new IllegalArgumentException("expected a buffer of " + pixels.length + " ints, got " + argb.length);
        }
    }

    private int index(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return y * width + x;
    }
}
