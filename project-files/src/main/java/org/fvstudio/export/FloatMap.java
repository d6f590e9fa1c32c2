package org.fvstudio.export;

import java.util.Arrays;

/** A 2-D grid of finite float values (a correlation map), row-major. */
public final class FloatMap {

    private final int width;
    private final int height;
    private final float[] values;

    private FloatMap(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** Copies {@code values}; every value must be finite. */
    public static FloatMap of(int width, int height, float[] values) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
        }
        if (values.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " values for "
                    + width + "x" + height + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("map value " + i + " (x=" + i % width + ", y=" + i / width
                        + ") is not finite: " + values[i]);
            }
        }
        return new FloatMap(width, height, values.clone());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public float get(int x, int y) {
        return values[y * width + x];
    }

    public float[] values() {
        return values.clone();
    }

    public float min() {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    public float max() {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Bilinear sample at continuous map coordinates (pixel centres at integer + 0.5), clamped at the border. */
    public float sample(double x, double y) {
        double fx = Math.max(0, Math.min(width - 1, x - 0.5));
        double fy = Math.max(0, Math.min(height - 1, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double wx = fx - x0;
        double wy = fy - y0;
        double top = get(x0, y0) + (get(x1, y0) - get(x0, y0)) * wx;
        double bottom = get(x0, y1) + (get(x1, y1) - get(x0, y1)) * wx;
        return (float) (top + (bottom - top) * wy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatMap other && other.width == width && other.height == height
                && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FloatMap[" + width + "x" + height + "]";
    }
}
