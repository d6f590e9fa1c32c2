package org.fvstudio.inference.movenet;

import org.fvstudio.pose.render.RgbImage;

/**
 * A square region of a picture, in picture pixels, that may reach past its edges (those pixels read as black),
 * resampled to the network's side. MoveNet sees the whole picture first (the square around it, centred), then
 * a tighter square around the person it found.
 */
record SquareCrop(double left, double top, double size) {

    SquareCrop {
        if (!(size > 0)) {
            throw new IllegalArgumentException("crop size must be positive, got " + size);
        }
    }

    /** The square that holds the whole picture, the picture centred in it. */
    static SquareCrop around(int width, int height) {
        double size = Math.max(width, height);
        return new SquareCrop((width - size) / 2, (height - size) / 2, size);
    }

    /** A square of {@code size} centred on ({@code cx}, {@code cy}). */
    static SquareCrop centredOn(double cx, double cy, double size) {
        return new SquareCrop(cx - size / 2, cy - size / 2, size);
    }

    double pictureX(double normalisedX) {
        return left + normalisedX * size;
    }

    double pictureY(double normalisedY) {
        return top + normalisedY * size;
    }

    /**
     * Writes the crop as side x side RGB values 0..255 in NHWC order into {@code out} (bilinear with pixel
     * centres at +0.5; an area sampled beyond the picture is black).
     */
    void writeNhwc(RgbImage image, int side, int[] out) {
        if (out.length != side * side * 3) {
            throw new IllegalArgumentException("expected a buffer of " + side * side * 3 + " values, got " + out.length);
        }
        int w = image.width();
        int h = image.height();
        byte[] rgb = image.toRgbBytes();
        double scale = size / side;
        for (int y = 0; y < side; y++) {
            double sy = top + (y + 0.5) * scale - 0.5;
            int y0 = (int) Math.floor(sy);
            double fy = sy - y0;
            for (int x = 0; x < side; x++) {
                double sx = left + (x + 0.5) * scale - 0.5;
                int x0 = (int) Math.floor(sx);
                double fx = sx - x0;
                int o = 3 * (y * side + x);
                for (int c = 0; c < 3; c++) {
                    double top0 = sample(rgb, w, h, x0, y0, c) * (1 - fx) + sample(rgb, w, h, x0 + 1, y0, c) * fx;
                    double bottom = sample(rgb, w, h, x0, y0 + 1, c) * (1 - fx) + sample(rgb, w, h, x0 + 1, y0 + 1, c) * fx;
                    out[o + c] = (int) Math.round(top0 * (1 - fy) + bottom * fy);
                }
            }
        }
    }

    private static int sample(byte[] rgb, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return 0;
        }
        return rgb[3 * (y * w + x) + c] & 0xff;
    }
}
