package org.fvstudio.ui.timeline;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseKeyframe;

/**
 * Thins a dense (per-frame) keyframe track: keeps the fewest keys such that linear interpolation
 * between the kept keys reproduces every dropped key within {@code tolerance} pixels on every
 * keypoint, and no keypoint appears or vanishes where it did not. Kept keys interpolate linearly.
 * Greedy from the first key: each segment is stretched as far as it stays within tolerance.
 */
public final class KeyframeReducer {

    public static final double DEFAULT_TOLERANCE = 1.5;

    private KeyframeReducer() {
    }

    public static List<PoseKeyframe> reduce(List<PoseKeyframe> keys, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0 pixels, got " + tolerance);
        }
        if (keys.size() <= 2) {
            return List.copyOf(keys);
        }
        List<double[]> flat = keys.stream().map(k -> k.pose().toFlat()).toList();
        List<PoseKeyframe> kept = new ArrayList<>();
        int a = 0;
        kept.add(keys.get(0).withInterpolation(Interpolation.LINEAR));
        while (a < keys.size() - 1) {
            int b = a + 1;
            while (b + 1 < keys.size() && fits(keys, flat, a, b + 1, tolerance)) {
                b++;
            }
            kept.add(keys.get(b).withInterpolation(Interpolation.LINEAR));
            a = b;
        }
        return kept;
    }

    /** True when every key strictly between a and c is within tolerance of the a-c line. */
    private static boolean fits(List<PoseKeyframe> keys, List<double[]> flat, int a, int c, double tolerance) {
        double[] pa = flat.get(a);
        double[] pc = flat.get(c);
        double fa = keys.get(a).frame();
        double fc = keys.get(c).frame();
        for (int j = a + 1; j < c; j++) {
            double t = (keys.get(j).frame() - fa) / (fc - fa);
            double[] pj = flat.get(j);
            for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
                int x = 3 * i;
                boolean bothEnds = pa[x + 2] > 0 && pc[x + 2] > 0;
                boolean visible = pj[x + 2] >= Keypoint.VISIBLE_THRESHOLD;
                if (!bothEnds) {
                    // interpolation leaves the point missing: only fine if it was not shown here
                    if (visible) {
                        return false;
                    }
                    continue;
                }
                double conf = pa[x + 2] + (pc[x + 2] - pa[x + 2]) * t;
                if ((conf >= Keypoint.VISIBLE_THRESHOLD) != visible) {
                    return false;
                }
                if (!visible) {
                    continue;
                }
                double ix = pa[x] + (pc[x] - pa[x]) * t;
                double iy = pa[x + 1] + (pc[x + 1] - pa[x + 1]) * t;
                if (Math.hypot(ix - pj[x], iy - pj[x + 1]) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }
}
