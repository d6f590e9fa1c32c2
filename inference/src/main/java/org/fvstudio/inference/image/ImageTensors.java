package org.fvstudio.inference.image;

import org.fvstudio.pose.render.RgbImage;

/** Conversions between 8-bit RGB pictures and float CHW tensors, and the resampling the pipeline needs. */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** {@code [3, h, w]} in [-1, 1] at {@code offset} -> picture: clamp, {@code (x + 1) * 127.5}, round half up. */
    public static RgbImage fromSignedUnit(float[] chw, int offset, int height, int width) {
        int plane = width * height;
        RgbImage image = new RgbImage(width, height);
        int[] packed = image.packedPixels();
        for (int i = 0; i < plane; i++) {
            int r = toByte(chw[offset + i]);
            int g = toByte(chw[offset + plane + i]);
            int b = toByte(chw[offset + 2 * plane + i]);
            packed[i] = r << 16 | g << 8 | b;
        }
        return image;
    }

    private static int toByte(float v) {
        double clamped = Float.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
        // at least 0.5, so truncating is rounding down
        return (int) ((clamped + 1) * 127.5 + 0.5);
    }

    /** Picture -> {@code [3, h, w]} with {@code x * scale + offset} per channel (e.g. 1/127.5, -1). */
    public static float[] toChw(RgbImage image, double scale, double offset) {
        int plane = image.width() * image.height();
        float[] out = new float[3 * plane];
        // the 256 possible values of a channel, computed once as the per-pixel formula would
        float[] lut = new float[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (float) (v * scale + offset);
        }
        int[] px = image.packedPixels();
        // black maps to +0, which the new array already holds: pose maps, mostly black, skip most pixels
        boolean skipBlack = Float.floatToRawIntBits(lut[0]) == 0;
        for (int i = 0; i < plane; i++) {
            int p = px[i];
            if (p == 0 && skipBlack) {
                continue;
            }
            out[i] = lut[(p >> 16) & 0xff];
            out[plane + i] = lut[(p >> 8) & 0xff];
            out[2 * plane + i] = lut[p & 0xff];
        }
        return out;
    }

    /**
     * Resampling with a triangle (bilinear) filter whose support widens when shrinking, as PIL's
     * {@code Image.resize(BILINEAR)} does, so a large reference photo is averaged rather than aliased.
     */
    public static RgbImage resize(RgbImage src, int newWidth, int newHeight) {
        if (src.width() == newWidth && src.height() == newHeight) {
            return src.copy();
        }
        return BilinearResampler.resize(src, newWidth, newHeight);
    }
}
