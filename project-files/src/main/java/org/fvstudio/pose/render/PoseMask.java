package org.fvstudio.pose.render;

import org.fvstudio.pose.Pose;

/**
 * Where a skeleton lies on the canvas: the pixels {@link DwposeRenderer} paints, grown by a radius
 * (Euclidean dilation). Used to check that correlation heatmaps put their mass on the body.
 */
public final class PoseMask {

    private final int width;
    private final int height;
    private final boolean[] inside;

    private PoseMask(int width, int height, boolean[] inside) {
        this.width = width;
        this.height = height;
        this.inside = inside;
    }

    /** The mask of {@code pose} at its own canvas size, dilated by {@code radius} pixels. */
    public static PoseMask of(Pose pose, int radius) {
        return of(pose, pose.canvasWidth(), pose.canvasHeight(), 1.0, radius);
    }

    /** The mask of {@code pose} rendered at {@code scale} on a width x height canvas, dilated by {@code radius}. */
    public static PoseMask of(Pose pose, int width, int height, double scale, int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("dilation radius must be >= 0, got " + radius);
        }
        RgbImage image = new DwposeRenderer().render(pose, width, height, scale);
        int[] px = image.packedPixels();
        boolean[] painted = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            painted[i] = px[i] != 0;
        }
        return new PoseMask(width, height, radius == 0 ? painted : dilate(painted, width, height, radius));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && inside[y * width + x];
    }

    public int count() {
        int n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Fraction of the canvas inside the mask. */
    public double coverage() {
        return count() / (double) inside.length;
    }

    /** A copy as bytes, 1 inside and 0 outside, row-major. */
    public byte[] toBytes() {
        byte[] out = new byte[inside.length];
        for (int i = 0; i < inside.length; i++) {
            out[i] = (byte) (inside[i] ? 1 : 0);
        }
        return out;
    }

    /**
     * Share of a non-negative map's total mass that falls inside the mask. The map may have any
     * resolution (e.g. a 32x32 correlation map over this canvas); each map cell is looked up at its
     * centre. Returns 0 for an all-zero map.
     */
    public double massInside(float[] map, int mapWidth, int mapHeight) {
        if (map.length != mapWidth * mapHeight) {
            throw new IllegalArgumentException("map has " + map.length + " values, expected " + mapWidth + "x" + mapHeight);
        }
        double total = 0;
        double in = 0;
        for (int my = 0; my < mapHeight; my++) {
            int y = (int) ((my + 0.5) * height / mapHeight);
            for (int mx = 0; mx < mapWidth; mx++) {
                double v = Math.max(0, map[my * mapWidth + mx]);
                total += v;
                int x = (int) ((mx + 0.5) * width / mapWidth);
                if (inside[y * width + x]) {
                    in += v;
                }
            }
        }
        return total > 0 ? in / total : 0;
    }

    /** Fraction of a uniform map's mass inside the mask at the given map resolution (the baseline for {@link #massInside}). */
    public double uniformMassInside(int mapWidth, int mapHeight) {
        float[] uniform = new float[mapWidth * mapHeight];
        java.util.Arrays.fill(uniform, 1f);
        return massInside(uniform, mapWidth, mapHeight);
    }

    /** Exact Euclidean dilation via a squared distance transform (two 1-D lower-envelope passes). */
    private static boolean[] dilate(boolean[] painted, int width, int height, int radius) {
        double inf = 1e20;
        double[] dist = new double[painted.length];
        for (int i = 0; i < painted.length; i++) {
            dist[i] = painted[i] ? 0 : inf;
        }
        int n = Math.max(width, height);
        double[] f = new double[n];
        double[] d = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                f[y] = dist[y * width + x];
            }
            distance1d(f, height, d, v, z);
            for (int y = 0; y < height; y++) {
                dist[y * width + x] = d[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(dist, y * width, f, 0, width);
            distance1d(f, width, d, v, z);
            System.arraycopy(d, 0, dist, y * width, width);
        }
        boolean[] out = new boolean[painted.length];
        double r2 = (double) radius * radius;
        for (int i = 0; i < out.length; i++) {
            out[i] = dist[i] <= r2;
        }
        return out;
    }

    private static void distance1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }
}
