package org.fvstudio.inference.image;

import java.util.Arrays;
import org.fvstudio.pose.render.RgbImage;

/**
 * Pillow's {@code Image.resize(BILINEAR)} in fixed point: a triangle filter whose support widens when shrinking,
 * a horizontal pass that keeps 8 fractional bits, then a vertical pass.
 *
 * <p>Written for the JIT and the cache: every output has the same number of taps (zero weights pad the short ones);
 * a source row is filtered horizontally when the first output row needs it, into a ring of as many rows as there
 * are taps (enlarging 128 to 512: two rows of 512, not 128); the vertical pass blends those rows, held in arrays of
 * their own, into a row buffer: loops indexed from 0, which the JIT turns into SIMD code (indexed at an offset into
 * one large array it does not, and the pass is about ten times slower). Enlarging, two taps per output, has loops
 * of its own without the inner tap loop.
 */
final class BilinearResampler {

    private static final int WEIGHT_BITS = 14;
    /** After the horizontal pass: 14 weight bits reduced to 8 fractional bits (values < 2^16). */
    private static final int SHIFT_H = WEIGHT_BITS - 8;
    private static final int HALF_H = 1 << (SHIFT_H - 1);
    /** After the vertical pass: 8 + 14 fractional bits (values < 2^30). */
    private static final int SHIFT_V = 8 + WEIGHT_BITS;
    private static final int HALF_V = 1 << (SHIFT_V - 1);

    // The weights are non-negative and sum to 2^14, so every result already lies in [0, 255]: nothing is clamped.

    private BilinearResampler() {
    }

    static RgbImage resize(RgbImage src, int newWidth, int newHeight) {
        return resize(src, newWidth, newHeight, true);
    }

    /** {@code twoTapLoops} false sends enlarging through the general loops too (for tests). */
    static RgbImage resize(RgbImage src, int newWidth, int newHeight, boolean twoTapLoops) {
        FixedPointKernel kx = FixedPointKernel.of(src.width(), newWidth);
        FixedPointKernel ky = FixedPointKernel.of(src.height(), newHeight);
        boolean twoTapsX = twoTapLoops && kx.taps == 2;
        boolean twoTapsY = twoTapLoops && ky.taps == 2;
        FilteredRows rows = new FilteredRows(src, kx, twoTapsX, ky.taps);
        RgbImage out = new RgbImage(newWidth, newHeight);
        int[] packed = out.packedPixels();
        int[] row = new int[newWidth];
        int[][] sums = new int[3][newWidth];
        for (int y = 0; y < newHeight; y++) {
            int first = ky.first[y];
            if (twoTapsY) {
                blendTwoRows(rows.get(first), rows.get(first + 1), ky.weights[2 * y], ky.weights[2 * y + 1], row);
            } else {
                blendRows(rows, ky, y, sums, row);
            }
            System.arraycopy(row, 0, packed, y * newWidth, newWidth);
        }
        return out;
    }

    /**
     * Source rows filtered horizontally (red, green, blue, 8 fractional bits), computed on demand into a ring of
     * {@code capacity} slots: any {@code capacity} consecutive rows are held at once.
     */
    private static final class FilteredRows {
        private final RgbImage src;
        private final FixedPointKernel kx;
        private final boolean twoTaps;
        private final int[][][] slots;
        private final int[] rowInSlot;
        private final int[] r;
        private final int[] g;
        private final int[] b;

        FilteredRows(RgbImage src, FixedPointKernel kx, boolean twoTaps, int capacity) {
            this.src = src;
            this.kx = kx;
            this.twoTaps = twoTaps;
            this.slots = new int[capacity][3][kx.outputs()];
            this.rowInSlot = new int[capacity];
            Arrays.fill(rowInSlot, -1);
            this.r = new int[src.width()];
            this.g = new int[src.width()];
            this.b = new int[src.width()];
        }

        /** Source row {@code y} filtered: red, green and blue arrays. */
        int[][] get(int y) {
            int slot = y % slots.length;
            if (rowInSlot[slot] != y) {
                filter(y, slots[slot]);
                rowInSlot[slot] = y;
            }
            return slots[slot];
        }

        private void filter(int y, int[][] out) {
            int[] in = src.packedPixels();
            for (int x = 0, i = y * src.width(); x < r.length; x++, i++) {
                int p = in[i];
                r[x] = (p >> 16) & 0xff;
                g[x] = (p >> 8) & 0xff;
                b[x] = p & 0xff;
            }
            if (twoTaps) {
                filterTwoTaps(r, g, b, kx, out[0], out[1], out[2]);
            } else {
                BilinearResampler.filter(r, g, b, kx, out[0], out[1], out[2]);
            }
        }
    }

    private static void filterTwoTaps(int[] r, int[] g, int[] b, FixedPointKernel kx, int[] outR, int[] outG, int[] outB) {
        int[] first = kx.first;
        int[] w = kx.weights;
        for (int x = 0; x < outR.length; x++) {
            int i = first[x];
            int w0 = w[2 * x];
            int w1 = w[2 * x + 1];
            outR[x] = (w0 * r[i] + w1 * r[i + 1] + HALF_H) >> SHIFT_H;
            outG[x] = (w0 * g[i] + w1 * g[i + 1] + HALF_H) >> SHIFT_H;
            outB[x] = (w0 * b[i] + w1 * b[i + 1] + HALF_H) >> SHIFT_H;
        }
    }

    private static void filter(int[] r, int[] g, int[] b, FixedPointKernel kx, int[] outR, int[] outG, int[] outB) {
        int taps = kx.taps;
        for (int x = 0; x < outR.length; x++) {
            int i = kx.first[x];
            int sr = HALF_H;
            int sg = HALF_H;
            int sb = HALF_H;
            for (int k = 0, at = x * taps; k < taps; k++, at++) {
                int wk = kx.weights[at];
                sr += wk * r[i + k];
                sg += wk * g[i + k];
                sb += wk * b[i + k];
            }
            outR[x] = sr >> SHIFT_H;
            outG[x] = sg >> SHIFT_H;
            outB[x] = sb >> SHIFT_H;
        }
    }

    private static void blendTwoRows(int[][] row0, int[][] row1, int w0, int w1, int[] out) {
        int[] r0 = row0[0];
        int[] r1 = row1[0];
        int[] g0 = row0[1];
        int[] g1 = row1[1];
        int[] b0 = row0[2];
        int[] b1 = row1[2];
        for (int x = 0; x < out.length; x++) {
            int red = (w0 * r0[x] + w1 * r1[x] + HALF_V) >> SHIFT_V;
            int green = (w0 * g0[x] + w1 * g1[x] + HALF_V) >> SHIFT_V;
            int blue = (w0 * b0[x] + w1 * b1[x] + HALF_V) >> SHIFT_V;
            out[x] = red << 16 | green << 8 | blue;
        }
    }

    private static void blendRows(FilteredRows rows, FixedPointKernel ky, int y, int[][] sums, int[] out) {
        for (int[] sum : sums) {
            Arrays.fill(sum, HALF_V);
        }
        for (int k = 0; k < ky.taps; k++) {
            int[][] source = rows.get(ky.first[y] + k);
            int wk = ky.weights[y * ky.taps + k];
            for (int c = 0; c < 3; c++) {
                accumulate(sums[c], wk, source[c]);
            }
        }
        int[] r = sums[0];
        int[] g = sums[1];
        int[] b = sums[2];
        for (int x = 0; x < out.length; x++) {
            out[x] = (r[x] >> SHIFT_V) << 16 | (g[x] >> SHIFT_V) << 8 | (b[x] >> SHIFT_V);
        }
    }

    private static void accumulate(int[] sum, int weight, int[] source) {
        for (int x = 0; x < sum.length; x++) {
            sum[x] += weight * source[x];
        }
    }

    /**
     * Per output pixel: the first source index and {@code taps} weights (at {@code o * taps}), the triangle weights
     * scaled to sum to exactly 2^14 and padded with zeros up to the widest output's count; a padded output near the
     * far edge starts earlier, with its leading weights zero, so that every tap stays inside the source.
     */
    private record FixedPointKernel(int[] first, int taps, int[] weights) {

        int outputs() {
            return first.length;
        }

        static FixedPointKernel of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(scale, 1.0);
            int[] first = new int[out];
            int[][] exact = new int[out][];
            int taps = 1;
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
                exact[o] = toFixedPoint(w, a, b, sum);
                taps = Math.max(taps, b - a);
            }
            int[] weights = new int[out * taps];
            for (int o = 0; o < out; o++) {
                int shift = Math.max(0, first[o] + taps - in);
                first[o] -= shift;
                System.arraycopy(exact[o], 0, weights, o * taps + shift, exact[o].length);
            }
            return new FixedPointKernel(first, taps, weights);
        }

        /** {@code w[a..b) / sum} scaled by 2^14 and rounded, the largest adjusted so that they sum to 2^14. */
        private static int[] toFixedPoint(double[] w, int a, int b, double sum) {
            int one = 1 << WEIGHT_BITS;
            int[] f = new int[b - a];
            int total = 0;
            int largest = 0;
            for (int k = 0; k < f.length; k++) {
                double normalised = sum > 0 ? w[a + k] / sum : 0;
                f[k] = (int) Math.round(normalised * one);
                total += f[k];
                largest = f[k] > f[largest] ? k : largest;
            }
            f[largest] += one - total;
            return f;
        }
    }
}
