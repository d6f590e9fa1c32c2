package org.fvstudio.inference.dwpose;

import org.fvstudio.pose.render.RgbImage;

/**
 * YOLOX input preparation: the image scaled by r = min(side / h, side / w) (bilinear) and pasted at the
 * top-left of a side x side canvas filled with 114; raw 0..255 values, planar CHW, RGB order.
 */
public record Letterbox(int sourceWidth, int sourceHeight, int side, double ratio, int scaledWidth, int scaledHeight) {

    public static final float PAD_VALUE = 114f;

    public static Letterbox fit(int sourceWidth, int sourceHeight, int side) {
        double r = Math.min((double) side / sourceHeight, (double) side / sourceWidth);
        int w = Math.max(1, (int) (sourceWidth * r));
        int h = Math.max(1, (int) (sourceHeight * r));
        return new Letterbox(sourceWidth, sourceHeight, side, r, w, h);
    }

    /** A letterbox-canvas coordinate back in source pixels (divide by r). */
    public double toSource(double canvasCoordinate) {
        return canvasCoordinate / ratio;
    }

    /** Writes the canvas into {@code chw} (length 3 x side x side). */
    public void writeChw(RgbImage image, float[] chw) {
        if (image.width() != sourceWidth || image.height() != sourceHeight) {
            throw new IllegalArgumentException("letterbox made for " + sourceWidth + "x" + sourceHeight
                    + ", got an image of " + image.width() + "x" + image.height());
        }
        int plane = side * side;
        if (chw.length != 3 * plane) {
            throw new IllegalArgumentException("expected a buffer of " + 3 * plane + " floats, got " + chw.length);
        }
        java.util.Arrays.fill(chw, PAD_VALUE);
        BilinearAxis xs = BilinearAxis.resize(sourceWidth, scaledWidth);
        BilinearAxis ys = BilinearAxis.resize(sourceHeight, scaledHeight);
        byte[] rgb = image.toRgbBytes();
        int rowBytes = 3 * sourceWidth;
        for (int y = 0; y < scaledHeight; y++) {
            int row0 = ys.low[y] * rowBytes;
            int row1 = ys.high[y] * rowBytes;
            float wy = ys.weight[y];
            for (int x = 0; x < scaledWidth; x++) {
                int c0 = 3 * xs.low[x];
                int c1 = 3 * xs.high[x];
                float wx = xs.weight[x];
                int out = y * side + x;
                for (int c = 0; c < 3; c++) {
                    float top = (rgb[row0 + c0 + c] & 0xff) * (1 - wx) + (rgb[row0 + c1 + c] & 0xff) * wx;
                    float bottom = (rgb[row1 + c0 + c] & 0xff) * (1 - wx) + (rgb[row1 + c1 + c] & 0xff) * wx;
                    chw[c * plane + out] = top * (1 - wy) + bottom * wy;
                }
            }
        }
    }

    /** Source indices and weights along one axis for a half-pixel-centred bilinear resize (OpenCV's INTER_LINEAR). */
    static final class BilinearAxis {
        final int[] low;
        final int[] high;
        final float[] weight;

        private BilinearAxis(int n) {
            low = new int[n];
            high = new int[n];
            weight = new float[n];
        }

        static BilinearAxis resize(int sourceSize, int targetSize) {
            BilinearAxis axis = new BilinearAxis(targetSize);
            double scale = (double) sourceSize / targetSize;
            for (int i = 0; i < targetSize; i++) {
                double s = (i + 0.5) * scale - 0.5;
                s = Math.max(0, Math.min(sourceSize - 1, s));
                int lo = (int) Math.floor(s);
                axis.low[i] = lo;
                axis.high[i] = Math.min(lo + 1, sourceSize - 1);
                axis.weight[i] = (float) (s - lo);
            }
            return axis;
        }
    }
}
