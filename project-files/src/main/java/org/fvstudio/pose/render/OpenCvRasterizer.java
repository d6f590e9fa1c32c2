package org.fvstudio.pose.render;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Non-antialiased drawing primitives that reproduce OpenCV's pixel rules (8-connected lines,
 * 16-bit fixed-point polygon scan conversion, integer midpoint circles, the 1-degree sine table of
 * {@code ellipse2Poly}) so that skeletons match what DWPose-trained pose guiders saw.
 * All coordinates are pixels; drawing outside the image is clipped.
 */
final class OpenCvRasterizer {

    static final int XY_SHIFT = 16;
    static final long XY_ONE = 1L << XY_SHIFT;
    private static final long HALF = XY_ONE >> 1;

    /** Number of points {@link #ellipsePolygon} may produce for a full ellipse at 1 degree steps. */
    static final int MAX_ELLIPSE_POINTS = 362;

    /** sin of 0..450 whole degrees rounded to 7 decimals, stored as float (OpenCV's table). */
    private static final float[] SIN_TABLE = new float[451];

    static {
        for (int d = 0; d <= 450; d++) {
            long rounded = Math.round(Math.sin(Math.toRadians(d)) * 1e7);
            SIN_TABLE[d] = Float.parseFloat(BigDecimal.valueOf(rounded, 7).toPlainString());
        }
    }

    private final int[] pixels;
    private final int width;
    private final int height;
    private final long[] polygonX = new long[MAX_ELLIPSE_POINTS];
    private final long[] polygonY = new long[MAX_ELLIPSE_POINTS];

    OpenCvRasterizer(RgbImage image) {
        this.pixels = image.packedPixels();
        this.width = image.width();
        this.height = image.height();
    }

    /**
     * The closed polygon OpenCV's {@code ellipse2Poly(center, axes, angle, 0, 360, 1)} returns, written
     * to {@code xs}/{@code ys} (length >= {@link #MAX_ELLIPSE_POINTS}); returns the point count.
     */
    static int ellipsePolygon(int cx, int cy, int halfLength, int halfWidth, int angleDegrees, int[] xs, int[] ys) {
        int angle = angleDegrees;
        while (angle < 0) {
            angle += 360;
        }
        while (angle > 360) {
            angle -= 360;
        }
        double cos = SIN_TABLE[450 - angle];
        double sin = SIN_TABLE[angle];
        int n = 0;
        int prevX = Integer.MIN_VALUE;
        int prevY = Integer.MIN_VALUE;
        for (int i = 0; i <= 360; i++) {
            double x = halfLength * (double) SIN_TABLE[450 - i];
            double y = halfWidth * (double) SIN_TABLE[i];
            int px = (int) Math.rint(cx + x * cos - y * sin);
            int py = (int) Math.rint(cy + x * sin + y * cos);
            if (px != prevX || py != prevY) {
                xs[n] = px;
                ys[n] = py;
                n++;
                prevX = px;
                prevY = py;
            }
        }
        if (n == 1) {
            xs[0] = xs[1] = cx;
            ys[0] = ys[1] = cy;
            n = 2;
        }
        return n;
    }

    /** Fills a convex polygon with integer vertices, outline included (OpenCV fillConvexPoly, LINE_8). */
    void fillConvexPolygon(int[] xs, int[] ys, int n, int color) {
        long[] lx = n <= polygonX.length ? polygonX : new long[n];
        long[] ly = n <= polygonY.length ? polygonY : new long[n];
        for (int i = 0; i < n; i++) {
            lx[i] = xs[i];
            ly[i] = ys[i];
        }
        fillConvexPolygon(lx, ly, n, 0, color);
    }

    /** Scan conversion with vertices in fixed point of {@code shift} fractional bits. */
    void fillConvexPolygon(long[] vx, long[] vy, int npts, int shift, int color) {
        long delta = (1L << shift) >> 1;
        int toFixed = XY_SHIFT - shift;
        long p0x = vx[npts - 1] << toFixed;
        long p0y = vy[npts - 1] << toFixed;
        long xmin = vx[0];
        long xmax = vx[0];
        long ymin = vy[0];
        long ymax = vy[0];
        int imin = 0;
        for (int i = 0; i < npts; i++) {
            long px = vx[i];
            long py = vy[i];
            if (py < ymin) {
                ymin = py;
                imin = i;
            }
            ymax = Math.max(ymax, py);
            xmax = Math.max(xmax, px);
            xmin = Math.min(xmin, px);
            px <<= toFixed;
            py <<= toFixed;
            if (shift == 0) {
                line((int) (p0x >> XY_SHIFT), (int) (p0y >> XY_SHIFT), (int) (px >> XY_SHIFT), (int) (py >> XY_SHIFT), color);
            } else {
                fixedPointLine(p0x, p0y, px, py, color);
            }
            p0x = px;
            p0y = py;
        }
        xmin = (xmin + delta) >> shift;
        xmax = (xmax + delta) >> shift;
        ymin = (ymin + delta) >> shift;
        ymax = (ymax + delta) >> shift;
        if (npts < 3 || xmax < 0 || ymax < 0 || xmin >= width || ymin >= height) {
            return;
        }
        ymax = Math.min(ymax, height - 1);

        int[] edgeIdx = {imin, imin};
        int[] edgeDi = {1, npts - 1};
        long[] edgeX = {-XY_ONE, -XY_ONE};
        long[] edgeDx = {0, 0};
        int[] edgeYe = {(int) ymin, (int) ymin};
        int edges = npts;
        int y = (int) ymin;
        do {
            for (int e = 0; e < 2; e++) {
                if (y >= edgeYe[e]) {
                    int idx0 = edgeIdx[e];
                    int di = edgeDi[e];
                    int idx = idx0 + di;
                    if (idx >= npts) {
                        idx -= npts;
                    }
                    while (edges-- > 0) {
                        int ty = (int) ((vy[idx] + delta) >> shift);
                        if (ty > y) {
                            long xs = vx[idx0] << toFixed;
                            long xe = vx[idx] << toFixed;
                            edgeYe[e] = ty;
                            edgeDx[e] = ((xe - xs) * 2 + (ty - y)) / (2L * (ty - y));
                            edgeX[e] = xs;
                            edgeIdx[e] = idx;
                            break;
                        }
                        idx0 = idx;
                        idx += di;
                        if (idx >= npts) {
                            idx -= npts;
                        }
                    }
                }
            }
            if (edges < 0) {
                break;
            }
            if (y < -1) {
                // rows above the image draw nothing: advance both edges in one step (same integer sums)
                int skip = Math.min(Math.min(edgeYe[0], edgeYe[1]), 0) - y - 1;
                if (skip > 0) {
                    edgeX[0] += edgeDx[0] * skip;
                    edgeX[1] += edgeDx[1] * skip;
                    y += skip;
                }
            }
            if (y >= 0) {
                int left = edgeX[0] > edgeX[1] ? 1 : 0;
                int x1 = (int) ((edgeX[left] + HALF) >> XY_SHIFT);
                int x2 = (int) ((edgeX[1 - left] + HALF) >> XY_SHIFT);
                hline(y, x1, x2, color);
            }
            edgeX[0] += edgeDx[0];
            edgeX[1] += edgeDx[1];
        } while (++y <= ymax);
    }

    /** A filled disc drawn with OpenCV's integer midpoint circle (cv2.circle, thickness -1, LINE_8). */
    void fillCircle(int cx, int cy, int radius, int color) {
        int err = 0;
        int dx = radius;
        int dy = 0;
        int plus = 1;
        int minus = (radius << 1) - 1;
        while (dx >= dy) {
            if (cx - dx < width && cx + dx >= 0 && cy - dx < height && cy + dx >= 0) {
                hline(cy - dy, cx - dx, cx + dx, color);
                hline(cy + dy, cx - dx, cx + dx, color);
                hline(cy - dx, cx - dy, cx + dy, color);
                hline(cy + dx, cx - dy, cx + dy, color);
            }
            dy++;
            err += plus;
            plus += 2;
            if (err > 0) {
                err -= minus;
                dx--;
                minus -= 2;
            }
        }
    }

    /** cv2.line with integer end points, LINE_8, thickness >= 2: a fixed-point quad plus round caps. */
    void thickLine(int x0, int y0, int x1, int y1, int thickness, int color) {
        long p0x = (long) x0 << XY_SHIFT;
        long p0y = (long) y0 << XY_SHIFT;
        long p1x = (long) x1 << XY_SHIFT;
        long p1y = (long) y1 << XY_SHIFT;
        double dx = (p0x - p1x) / (double) XY_ONE;
        double dy = (p1y - p0y) / (double) XY_ONE;
        double r = dx * dx + dy * dy;
        int odd = thickness & 1;
        long halfThickness = (long) thickness << (XY_SHIFT - 1);
        if (Math.abs(r) > 2.220446049250313e-16) {
            r = (halfThickness + odd * XY_ONE * 0.5) / Math.sqrt(r);
            long dpx = (long) Math.rint(dy * r);
            long dpy = (long) Math.rint(dx * r);
            long[] qx = {p0x + dpx, p0x - dpx, p1x - dpx, p1x + dpx};
            long[] qy = {p0y + dpy, p0y - dpy, p1y - dpy, p1y + dpy};
            fillConvexPolygon(qx, qy, 4, XY_SHIFT, color);
        }
        int capRadius = (int) ((halfThickness + HALF) >> XY_SHIFT);
        fillCircle(x0, y0, capRadius, color);
        fillCircle(x1, y1, capRadius, color);
    }

    /** OpenCV's 8-connected Bresenham line between integer points (both ends drawn). */
    void line(int x1, int y1, int x2, int y2, int color) {
        if (x1 < 0 || x1 >= width || x2 < 0 || x2 >= width || y1 < 0 || y1 >= height || y2 < 0 || y2 >= height) {
            long[] p = {x1, y1, x2, y2};
            if (!clip(width, height, p)) {
                return;
            }
            x1 = (int) p[0];
            y1 = (int) p[1];
            x2 = (int) p[2];
            y2 = (int) p[3];
        }
        int dx = x2 - x1;
        int dy = y2 - y1;
        if (dx < 0) {
            dx = -dx;
            dy = -dy;
            x1 = x2;
            y1 = y2;
        }
        int stepY = dy < 0 ? -1 : 1;
        dy = Math.abs(dy);
        boolean steep = dy > dx;
        int major = steep ? dy : dx;
        int minor = steep ? dx : dy;
        int err = major - 2 * minor;
        int x = x1;
        int y = y1;
        for (int i = 0; i <= major; i++) {
            pixels[y * width + x] = color;
            boolean minorStep = err < 0;
            err += -2 * minor + (minorStep ? 2 * major : 0);
            if (steep) {
                y += stepY;
                if (minorStep) {
                    x++;
                }
            } else {
                x++;
                if (minorStep) {
                    y += stepY;
                }
            }
        }
    }

    /** OpenCV's Line2: a line between 16-bit fixed-point end points (polygon outlines with shift). */
    void fixedPointLine(long x1, long y1, long x2, long y2, int color) {
        long[] p = {x1, y1, x2, y2};
        if (!clip((long) width << XY_SHIFT, (long) height << XY_SHIFT, p)) {
            return;
        }
        x1 = p[0];
        y1 = p[1];
        x2 = p[2];
        y2 = p[3];
        long dx = x2 - x1;
        long dy = y2 - y1;
        long ax = Math.abs(dx);
        long ay = Math.abs(dy);
        long xStep;
        long yStep;
        int ecount;
        if (ax > ay) {
            if (dx < 0) {
                dy = -dy;
                long t = x1; x1 = x2; x2 = t;
                t = y1; y1 = y2; y2 = t;
            }
            xStep = XY_ONE;
            yStep = (dy << XY_SHIFT) / (ax | 1);
            ecount = (int) ((x2 - x1) >> XY_SHIFT);
        } else {
            if (dy < 0) {
                dx = -dx;
                long t = x1; x1 = x2; x2 = t;
                t = y1; y1 = y2; y2 = t;
            }
            xStep = (dx << XY_SHIFT) / (ay | 1);
            yStep = XY_ONE;
            ecount = (int) ((y2 - y1) >> XY_SHIFT);
        }
        x1 += HALF;
        y1 += HALF;
        putClipped((int) ((x2 + HALF) >> XY_SHIFT), (int) ((y2 + HALF) >> XY_SHIFT), color);
        if (ax > ay) {
            long x = x1 >> XY_SHIFT;
            while (ecount-- >= 0) {
                putClipped((int) x, (int) (y1 >> XY_SHIFT), color);
                x++;
                y1 += yStep;
            }
        } else {
            long y = y1 >> XY_SHIFT;
            while (ecount-- >= 0) {
                putClipped((int) (x1 >> XY_SHIFT), (int) y, color);
                x1 += xStep;
                y++;
            }
        }
    }

    /** Horizontal span x1..x2 inclusive on row y, clipped to the image. */
    void hline(int y, int x1, int x2, int color) {
        if (y < 0 || y >= height) {
            return;
        }
        int from = Math.max(x1, 0);
        int to = Math.min(x2, width - 1);
        if (from <= to) {
            int row = y * width;
            Arrays.fill(pixels, row + from, row + to + 1, color);
        }
    }

    private void putClipped(int x, int y, int color) {
        if (x >= 0 && x < width && y >= 0 && y < height) {
            pixels[y * width + x] = color;
        }
    }

    /** Cohen-Sutherland-style clipping as in OpenCV's clipLine; p = {x1, y1, x2, y2}, modified in place. */
    static boolean clip(long w, long h, long[] p) {
        if (w <= 0 || h <= 0) {
            return false;
        }
        long right = w - 1;
        long bottom = h - 1;
        long x1 = p[0];
        long y1 = p[1];
        long x2 = p[2];
        long y2 = p[3];
        int c1 = outCode(x1, y1, right, bottom);
        int c2 = outCode(x2, y2, right, bottom);
        if ((c1 & c2) == 0 && (c1 | c2) != 0) {
            if ((c1 & 12) != 0) {
                long a = c1 < 8 ? 0 : bottom;
                x1 += (long) ((double) (a - y1) * (x2 - x1) / (y2 - y1));
                y1 = a;
                c1 = (x1 < 0 ? 1 : 0) + (x1 > right ? 2 : 0);
            }
            if ((c2 & 12) != 0) {
                long a = c2 < 8 ? 0 : bottom;
                x2 += (long) ((double) (a - y2) * (x2 - x1) / (y2 - y1));
                y2 = a;
                c2 = (x2 < 0 ? 1 : 0) + (x2 > right ? 2 : 0);
            }
            if ((c1 & c2) == 0 && (c1 | c2) != 0) {
                if (c1 != 0) {
                    long a = c1 == 1 ? 0 : right;
                    y1 += (long) ((double) (a - x1) * (y2 - y1) / (x2 - x1));
                    x1 = a;
                    c1 = 0;
                }
                if (c2 != 0) {
                    long a = c2 == 1 ? 0 : right;
                    y2 += (long) ((double) (a - x2) * (y2 - y1) / (x2 - x1));
                    x2 = a;
                    c2 = 0;
                }
            }
        }
        p[0] = x1;
        p[1] = y1;
        p[2] = x2;
        p[3] = y2;
        return (c1 | c2) == 0;
    }

    private static int outCode(long x, long y, long right, long bottom) {
        return (x < 0 ? 1 : 0) + (x > right ? 2 : 0) + (y < 0 ? 4 : 0) + (y > bottom ? 8 : 0);
    }
}
