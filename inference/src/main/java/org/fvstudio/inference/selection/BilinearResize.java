package org.fvstudio.inference.selection;

/**
 * Bilinear resampling of one row-major map with PyTorch's {@code F.interpolate(mode="bilinear")} semantics
 * (no antialiasing): with {@code alignCorners = false} output pixel centres map to
 * {@code (dst + 0.5) * in / out - 0.5}, clamped at 0; with {@code true} corners map to corners.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    public static float[] resize(float[] src, int inH, int inW, int outH, int outW, boolean alignCorners) {
        if (src.length != inH * inW) {
            throw new IllegalArgumentException("map has " + src.length + " values, expected " + inH + "x" + inW);
        }
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("output size must be positive, got " + outH + "x" + outW);
        }
        if (inH == outH && inW == outW) {
            return src.clone();
        }
        Axis ys = Axis.of(inH, outH, alignCorners);
        Axis xs = Axis.of(inW, outW, alignCorners);
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            int r0 = ys.low[y] * inW;
            int r1 = ys.high[y] * inW;
            float fy = ys.frac[y];
            for (int x = 0; x < outW; x++) {
                int c0 = xs.low[x];
                int c1 = xs.high[x];
                float fx = xs.frac[x];
                float top = (1 - fx) * src[r0 + c0] + fx * src[r0 + c1];
                float bottom = (1 - fx) * src[r1 + c0] + fx * src[r1 + c1];
                out[y * outW + x] = (1 - fy) * top + fy * bottom;
            }
        }
        return out;
    }

    /** Source indices and weights along one axis. */
    private record Axis(int[] low, int[] high, float[] frac) {
        static Axis of(int in, int out, boolean alignCorners) {
            int[] low = new int[out];
            int[] high = new int[out];
            float[] frac = new float[out];
            for (int d = 0; d < out; d++) {
                double src;
                if (alignCorners) {
                    src = out > 1 ? (double) d * (in - 1) / (out - 1) : 0;
                } else {
                    src = Math.max(0, (d + 0.5) * ((double) in / out) - 0.5);
                }
                src = Math.min(src, in - 1);
                int i0 = (int) Math.floor(src);
                low[d] = i0;
                high[d] = Math.min(i0 + 1, in - 1);
                frac[d] = (float) (src - i0);
            }
            return new Axis(low, high, frac);
        }
    }
}
