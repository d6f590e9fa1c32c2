package org.fvstudio.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.fvstudio.pose.render.RgbImage;

/**
 * Size changes and AWT conversion for the studio's {@link RgbImage} (the renderer's and the pipeline's picture
 * type). Every method returns a new image and leaves its argument alone.
 */
public final class Images {

    private Images() {
    }

    /** Same size and same pixels. */
    public static boolean samePixels(RgbImage a, RgbImage b) {
        return a.width() == b.width() && a.height() == b.height() && Arrays.equals(a.packedPixels(), b.packedPixels());
    }

    /** The image at the top-left of a black canvas of the given size (how video export reaches even sizes). */
    public static RgbImage padTo(RgbImage image, int width, int height) {
        if (width < image.width() || height < image.height()) {
            throw new IllegalArgumentException("cannot pad " + image.width() + "x" + image.height() + " to " + width + "x" + height);
        }
        RgbImage out = new RgbImage(width, height);
        int[] src = image.packedPixels();
        int[] dst = out.packedPixels();
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(src, y * image.width(), dst, y * width, image.width());
        }
        return out;
    }

    /** The rectangle (x, y, w, h). */
    public static RgbImage crop(RgbImage image, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > image.width() || y + h > image.height()) {
            throw new IllegalArgumentException("crop " + x + "," + y + " " + w + "x" + h
                    + " outside " + image.width() + "x" + image.height());
        }
        RgbImage out = new RgbImage(w, h);
        int[] src = image.packedPixels();
        int[] dst = out.packedPixels();
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, (y + row) * image.width() + x, dst, row * w, w);
        }
        return out;
    }

    /** Bilinear resampling to a new size (pixel centres aligned, edges clamped). */
    public static RgbImage scaledTo(RgbImage image, int width, int height) {
        int sw = image.width();
        int sh = image.height();
        if (width == sw && height == sh) {
            return image.copy();
        }
        RgbImage out = new RgbImage(width, height);
        int[] src = image.packedPixels();
        int[] dst = out.packedPixels();
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        double[] wx = new double[width];
        double sx = (double) sw / width;
        for (int x = 0; x < width; x++) {
            double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sx - 0.5));
            x0[x] = (int) fx;
            x1[x] = Math.min(x0[x] + 1, sw - 1);
            wx[x] = fx - x0[x];
        }
        double sy = (double) sh / height;
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, sh - 1);
            double wy = fy - y0;
            int top = y0 * sw;
            int bottom = y1 * sw;
            for (int x = 0; x < width; x++) {
                int p00 = src[top + x0[x]];
                int p01 = src[top + x1[x]];
                int p10 = src[bottom + x0[x]];
                int p11 = src[bottom + x1[x]];
                int r = lerp2(p00 >> 16 & 0xFF, p01 >> 16 & 0xFF, p10 >> 16 & 0xFF, p11 >> 16 & 0xFF, wx[x], wy);
                int g = lerp2(p00 >> 8 & 0xFF, p01 >> 8 & 0xFF, p10 >> 8 & 0xFF, p11 >> 8 & 0xFF, wx[x], wy);
                int b = lerp2(p00 & 0xFF, p01 & 0xFF, p10 & 0xFF, p11 & 0xFF, wx[x], wy);
                dst[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /** Scales to {@code height} keeping the aspect ratio (width at least 1). */
    public static RgbImage scaledToHeight(RgbImage image, int height) {
        int width = Math.max(1, (int) Math.round((double) image.width() * height / image.height()));
        return scaledTo(image, width, height);
    }

    public static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.packedPixels(), 0, data, 0, data.length);
        return out;
    }

    /** Any BufferedImage, alpha dropped. */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RgbImage out = new RgbImage(w, h);
        int[] dst = out.packedPixels();
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getNumBanks() == 1 && data.getOffset() == 0 && data.getData().length == w * h
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            System.arraycopy(data.getData(), 0, dst, 0, dst.length);
        } else {
            image.getRGB(0, 0, w, h, dst, 0, w);
        }
        for (int i = 0; i < dst.length; i++) {
            dst[i] &= 0xFFFFFF;
        }
        return out;
    }

    private static int lerp2(int a, int b, int c, int d, double wx, double wy) {
        double top = a + (b - a) * wx;
        double bottom = c + (d - c) * wx;
        return (int) Math.round(top + (bottom - top) * wy);
    }
}
