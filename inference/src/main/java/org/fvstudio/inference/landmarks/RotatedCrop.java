package org.fvstudio.inference.landmarks;

import org.fvstudio.pose.render.RgbImage;

/**
 * A square of {@code side} picture pixels centred on ({@code cx}, {@code cy}) and turned by {@code angle} radians,
 * resampled to the network's S x S input: input pixel (i, j) reads the picture at
 * {@code u = (j + 0.5) / S - 0.5}, {@code v = (i + 0.5) / S - 0.5},
 * {@code x = cx + side (cos u - sin v)}, {@code y = cy + side (sin u + cos v)} (bilinear, black outside the picture,
 * rounded to a byte), the contract the hand and face graphs were checked with (assets/models/hand/SOURCE.md).
 */
public record RotatedCrop(double cx, double cy, double side, double angle) {

    public RotatedCrop {
        if (!(side > 0) || !Double.isFinite(cx) || !Double.isFinite(cy) || !Double.isFinite(angle)) {
            throw new IllegalArgumentException("bad crop " + cx + ", " + cy + ", side " + side + ", angle " + angle);
        }
    }

    /** Writes the crop as S x S x 3 floats in NHWC order, each channel byte / 255. */
    public void writeUnitNhwc(RgbImage image, int size, float[] out) {
        if (out.length != size * size * 3) {
            throw new IllegalArgumentException("expected " + size * size * 3 + " values, got " + out.length);
        }
        byte[] rgb = image.toRgbBytes();
        int w = image.width();
        int h = image.height();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int i = 0; i < size; i++) {
            double v = (i + 0.5) / size - 0.5;
            for (int j = 0; j < size; j++) {
                double u = (j + 0.5) / size - 0.5;
                double x = cx + side * (cos * u - sin * v);
                double y = cy + side * (sin * u + cos * v);
                // Picture pixel centres sit at +0.5: sample on that grid.
                double sx = x - 0.5;
                double sy = y - 0.5;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int o = 3 * (i * size + j);
                for (int c = 0; c < 3; c++) {
                    double top = at(rgb, w, h, x0, y0, c) * (1 - fx) + at(rgb, w, h, x0 + 1, y0, c) * fx;
                    double bottom = at(rgb, w, h, x0, y0 + 1, c) * (1 - fx) + at(rgb, w, h, x0 + 1, y0 + 1, c) * fx;
                    out[o + c] = (float) (Math.round(top * (1 - fy) + bottom * fy) / 255.0);
                }
            }
        }
    }

    /** A point in network-input pixels (0..S) back in the picture. */
    public double[] toPicture(double px, double py, int size) {
        double u = px / size - 0.5;
        double v = py / size - 0.5;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {cx + side * (cos * u - sin * v), cy + side * (sin * u + cos * v)};
    }

    private static int at(byte[] rgb, int w, int h, int x, int y, int c) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : rgb[3 * (y * w + x) + c] & 0xff;
    }
}
