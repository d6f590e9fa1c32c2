package org.fvstudio.inference.image;

import org.fvstudio.pose.render.RgbImage;

/** Conversions between 8-bit RGB pictures and float CHW tensors, and the resampling the pipeline needs. */
public final class ImageTensors {

    private ImageTensors() {
    }

    /** {@code [3, h, w]} in [-1, 1] at {@code offset} -> picture: clamp, {@code (x + 1) * 127.5}, round half up. */
    public static RgbImage fromSignedUnit(float[] chw, int offset, int height, int width) {
        int plane = width * height;
        int[] packed = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = toByte(chw[offset + i]);
            int g = toByte(chw[offset + plane + i]);
            int b = toByte(chw[offset + 2 * plane + i]);
            packed[i] = r << 16 | g << 8 | b;
        }
        return RgbImage.ofPacked(width, height, packed);
    }

    private static int toByte(float v) {
        double clamped = Float.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
        return (int) Math.floor((clamped + 1) * 127.5 + 0.5);
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
        for (int i = 0; i < plane; i++) {
            int p = px[i];
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
        int sw = src.width();
        int sh = src.height();
        int[] in = src.packedPixels();
        Kernel kx = Kernel.of(sw, newWidth);
        Kernel ky = Kernel.of(sh, newHeight);
        // fixed point (as Pillow does): weights scaled by 2^14; the horizontal pass keeps 8 fractional bits
        int[][] wx = kx.fixedPoint();
        int[][] wy = ky.fixedPoint();
        int stride = newWidth * 3;
        int[] rows = new int[sh * stride];
        for (int y = 0; y < sh; y++) {
            int rowIn = y * sw;
            int rowOut = y * stride;
            for (int x = 0; x < newWidth; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int[] w = wx[x];
                int first = rowIn + kx.first[x];
                for (int k = 0; k < w.length; k++) {
                    int p = in[first + k];
                    r += w[k] * ((p >> 16) & 0xff);
                    g += w[k] * ((p >> 8) & 0xff);
                    b += w[k] * (p & 0xff);
                }
                int o = rowOut + 3 * x;
                rows[o] = (r + HALF_H) >> SHIFT_H;
                rows[o + 1] = (g + HALF_H) >> SHIFT_H;
                rows[o + 2] = (b + HALF_H) >> SHIFT_H;
            }
        }
        int[] packed = new int[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int[] w = wy[y];
            int rowOut = y * newWidth;
            if (w.length == 2) {
                // enlarging: every output row blends two source rows
                int b0 = ky.first[y] * stride;
                int b1 = b0 + stride;
                int w0 = w[0];
                int w1 = w[1];
                for (int x = 0, o = 0; x < newWidth; x++, o += 3) {
                    packed[rowOut + x] = toChannel(w0 * rows[b0 + o] + w1 * rows[b1 + o]) << 16
                            | toChannel(w0 * rows[b0 + o + 1] + w1 * rows[b1 + o + 1]) << 8
                            | toChannel(w0 * rows[b0 + o + 2] + w1 * rows[b1 + o + 2]);
                }
                continue;
            }
            for (int x = 0, o = 0; x < newWidth; x++, o += 3) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = 0; k < w.length; k++) {
                    int base = (ky.first[y] + k) * stride + o;
                    r += w[k] * rows[base];
                    g += w[k] * rows[base + 1];
                    b += w[k] * rows[base + 2];
                }
                packed[rowOut + x] = toChannel(r) << 16 | toChannel(g) << 8 | toChannel(b);
            }
        }
        return RgbImage.ofPacked(newWidth, newHeight, packed);
    }

    private static final int WEIGHT_BITS = 14;
    /** After the horizontal pass: 14 weight bits reduced to 8 fractional bits (values < 2^16). */
    private static final int SHIFT_H = WEIGHT_BITS - 8;
    private static final int HALF_H = 1 << (SHIFT_H - 1);
    /** After the vertical pass: 8 + 14 fractional bits (values < 2^30). */
    private static final int SHIFT_V = 8 + WEIGHT_BITS;
    private static final int HALF_V = 1 << (SHIFT_V - 1);

    private static int toChannel(int fixed) {
        int v = (fixed + HALF_V) >> SHIFT_V;
        return v < 0 ? 0 : Math.min(v, 255);
    }


    /** Per output pixel: first source index, count and normalised triangle weights. */
    private record Kernel(int[] first, int[] count, double[][] weights) {
        /** The weights scaled by 2^14 and rounded, each row adjusted to sum to exactly 2^14. */
        int[][] fixedPoint() {
            int one = 1 << WEIGHT_BITS;
            int[][] out = new int[weights.length][];
            for (int o = 0; o < weights.length; o++) {
                double[] w = weights[o];
                int[] f = new int[w.length];
                int sum = 0;
                int largest = 0;
                for (int k = 0; k < w.length; k++) {
                    f[k] = (int) Math.round(w[k] * one);
                    sum += f[k];
                    largest = f[k] > f[largest] ? k : largest;
                }
                f[largest] += one - sum;
                out[o] = f;
            }
            return out;
        }

        static Kernel of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(scale, 1.0);
            int[] first = new int[out];
            int[] count = new int[out];
            double[][] weights = new double[out][];
            for (int o = 0; o < out; o++) {
                double centre = (o + 0.5) * scale;
                int lo = (int) Math.max(0, Math.floor(centre - support));
                int hi = (int) Math.min(in, Math.ceil(centre + support));
                double[] w = new double[hi - lo];
                double sum = 0;
                for (int i = lo; i < hi; i++) {
                    double d = Math.abs((i + 0.5 - centre) / support);
                    w[i - lo] = Math.max(0, 1 - d);
                    sum += w[i - lo];
                }
                for (int i = 0; i < w.length; i++) {
                    w[i] = sum > 0 ? w[i] / sum : 0;
                }
                // drop zero-weight taps at either end (enlarging: 2 taps instead of 3)
                int a = 0;
                int b = w.length;
                while (b - a > 1 && w[a] == 0) {
                    a++;
                }
                while (b - a > 1 && w[b - 1] == 0) {
                    b--;
                }
                first[o] = lo + a;
                count[o] = b - a;
                weights[o] = java.util.Arrays.copyOfRange(w, a, b);
            }
            return new Kernel(first, count, weights);
        }
    }
}
