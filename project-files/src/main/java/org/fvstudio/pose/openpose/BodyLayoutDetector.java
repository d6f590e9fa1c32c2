package org.fvstudio.pose.openpose;

import java.util.List;

/**
 * Tells BODY_25 from BODY_25B, which both have 25 points. In BODY_25, point 1 (neck) lies at the
 * midpoint of points 2 and 5 (the shoulders) and point 8 (mid hip) at the midpoint of 9 and 12
 * (the hips); in BODY_25B those indices hold eyes, shoulders, elbows and wrists, which never line
 * up like that. Each person whose relations can be checked votes: BODY_25 when every checkable
 * midpoint is within {@value #MAX_MIDPOINT_ERROR} of the pair's distance, BODY_25B otherwise.
 * The majority wins; a tie or no vote gives BODY_25, OpenPose's default model.
 */
final class BodyLayoutDetector {

    /** Measured: real BODY_25 files stay below 0.02, real BODY_25B files above 0.26. */
    static final double MAX_MIDPOINT_ERROR = 0.15;

    private static final int[][] MIDPOINTS = {{1, 2, 5}, {8, 9, 12}};

    private BodyLayoutDetector() {
    }

    static BodyLayout detect25(List<double[]> bodies) {
        int body25 = 0;
        int body25b = 0;
        for (double[] body : bodies) {
            BodyLayout vote = vote(body);
            if (vote == BodyLayout.BODY_25) {
                body25++;
            } else if (vote == BodyLayout.BODY_25B) {
                body25b++;
            }
        }
        return body25b > body25 ? BodyLayout.BODY_25B : BodyLayout.BODY_25;
    }

    /** One person's vote, or null when none of the midpoint relations can be checked. */
    static BodyLayout vote(double[] body) {
        double worst = -1;
        for (int[] relation : MIDPOINTS) {
            worst = Math.max(worst, midpointError(body, relation[0], relation[1], relation[2]));
        }
        if (worst < 0) {
            return null;
        }
        return worst <= MAX_MIDPOINT_ERROR ? BodyLayout.BODY_25 : BodyLayout.BODY_25B;
    }

    /** Distance of point m from the midpoint of a and b, relative to |ab|; -1 when not checkable. */
    private static double midpointError(double[] body, int m, int a, int b) {
        if (!present(body, m) || !present(body, a) || !present(body, b)) {
            return -1;
        }
        double ax = body[3 * a];
        double ay = body[3 * a + 1];
        double bx = body[3 * b];
        double by = body[3 * b + 1];
        double span = Math.hypot(bx - ax, by - ay);
        if (span == 0) {
            return -1;
        }
        return Math.hypot(body[3 * m] - (ax + bx) / 2, body[3 * m + 1] - (ay + by) / 2) / span;
    }

    private static boolean present(double[] body, int i) {
        return body[3 * i + 2] > 0 && (body[3 * i] != 0 || body[3 * i + 1] != 0);
    }
}
