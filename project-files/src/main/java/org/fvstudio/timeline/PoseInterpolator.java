package org.fvstudio.timeline;

import org.fvstudio.pose.PersonPose;

/**
 * Blends two keyframed poses. A keypoint missing on either side of the segment stays missing;
 * confidences blend linearly. SMOOTH uses a Catmull-Rom spline through the neighbouring keys
 * (falling back to the segment end when a neighbour lacks the point).
 */
final class PoseInterpolator {

    private PoseInterpolator() {
    }

    static PersonPose between(PoseKeyframe before, PoseKeyframe a, PoseKeyframe b, PoseKeyframe after, double t) {
        Interpolation mode = a.interpolation();
        if (mode == Interpolation.CONSTANT) {
            return a.pose();
        }
        double[] p1 = a.pose().toFlat();
        double[] p2 = b.pose().toFlat();
        double[] p0 = before != null ? before.pose().toFlat() : null;
        double[] p3 = after != null ? after.pose().toFlat() : null;
        double w = mode.weight(t);
        double[] out = new double[p1.length];
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            int x = 3 * i;
            int y = x + 1;
            int c = x + 2;
            if (p1[c] <= 0 || p2[c] <= 0) {
                continue;
            }
            if (mode == Interpolation.SMOOTH) {
                boolean has0 = p0 != null && p0[c] > 0;
                boolean has3 = p3 != null && p3[c] > 0;
                out[x] = catmullRom(has0 ? p0[x] : p1[x], p1[x], p2[x], has3 ? p3[x] : p2[x], t);
                out[y] = catmullRom(has0 ? p0[y] : p1[y], p1[y], p2[y], has3 ? p3[y] : p2[y], t);
            } else {
                out[x] = p1[x] + (p2[x] - p1[x]) * w;
                out[y] = p1[y] + (p2[y] - p1[y]) * w;
            }
            out[c] = Math.min(1, Math.max(Double.MIN_VALUE, p1[c] + (p2[c] - p1[c]) * w));
        }
        return PersonPose.ofFlat(out);
    }

    /** Uniform Catmull-Rom between p1 and p2. */
    static double catmullRom(double p0, double p1, double p2, double p3, double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
    }
}
