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
        int w = image.width();
        int h = image.height();
        float[] out = new float[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.rgb(x, y);
                int i = y * w + x;
                out[i] = (float) (((p >> 16) & 0xff) * scale + offset);
                out[plane + i] = (float) (((p >> 8) & 0xff) * scale + offset);
                out[2 * plane + i] = (float) ((p & 0xff) * scale + offset);
            }
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
        // horizontal pass: sh rows of newWidth pixels, R, G, B interleaved
        float[] rows = new float[sh * newWidth * 3];
        for (int y = 0; y < sh; y++) {
            int rowIn = y * sw;
            int rowOut = y * newWidth * 3;
            for (int x = 0; x < newWidth; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                double[] w = kx.weights[x];
                int first = rowIn + kx.first[x];
                for (int k = 0; k < w.length; k++) {
                    int p = in[first + k];
                    r += w[k] * ((p >> 16) & 0xff);
                    g += w[k] * ((p >> 8) & 0xff);
                    b += w[k] * (p & 0xff);
                }
                int o = rowOut + 3 * x;
                rows[o] = (float) r;
                rows[o + 1] = (float) g;
                rows[o + 2] = (float) b;
            }
        }
        // vertical pass, accumulated row by row so the inner loop runs over contiguous memory
        int stride = newWidth * 3;
        int[] packed = new int[newWidth * newHeight];
        float[] acc = new float[stride];
        for (int y = 0; y < newHeight; y++) {
            double[] w = ky.weights[y];
            int base0 = ky.first[y] * stride;
            float w0 = (float) w[0];
            for (int i = 0; i < stride; i++) {
                acc[i] = w0 * rows[base0 + i];
            }
            for (int k = 1; k < w.length; k++) {
                int base = (ky.first[y] + k) * stride;
                float wk = (float) w[k];
                for (int i = 0; i < stride; i++) {
                    acc[i] += wk * rows[base + i];
                }
            }
            int rowOut = y * newWidth;
            for (int x = 0; x < newWidth; x++) {
                packed[rowOut + x] = toChannel(acc[3 * x]) << 16 | toChannel(acc[3 * x + 1]) << 8 | toChannel(acc[3 * x + 2]);
            }
        }
        return RgbImage.ofPacked(newWidth, newHeight, packed);
    }

    private static int toChannel(float v) {
        // v >= 0 after the clamp, so the cast truncates like floor: round half up
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5f);
    }

    /** Per output pixel: first source index, count and normalised triangle weights. */
    private record Kernel(int[] first, int[] count, double[][] weights) {
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
