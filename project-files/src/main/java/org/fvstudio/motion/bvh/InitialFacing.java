package org.fvstudio.motion.bvh;

import java.util.function.DoubleFunction;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;

/**
 * Which way the performer faces at the start of a clip, as the orbit yaw that looks at their front
 * (0: they face +Z). The facing axis is perpendicular to the line through the hips and the shoulders,
 * averaged over the first {@value #BODY_SECONDS} s; its sign comes from which side is left (right-handed,
 * Y up, as BVH is), and is overruled only when both other cues disagree with it: the toes (ankle to
 * big toe) over the same time and the hips' travel over the first {@value #TRAVEL_SECONDS} s (people
 * mostly walk forwards). So a mirrored file that walks forwards is still seen from the front, and a
 * performer stepping backwards once does not turn the camera round.
 *
 * @param yawDegrees the yaw of a camera in front of the performer, in (-180, 180]
 * @param toesAgree  1 when the toes point the same way, -1 when they point the other way, 0 unknown
 * @param travelAgrees 1 when the performer travels forwards, -1 backwards, 0 when they stay put or move sideways
 * @param flipped    whether the toes and the travel together overruled the hips and shoulders
 */
public record InitialFacing(double yawDegrees, int toesAgree, int travelAgrees, boolean flipped) {

    static final double BODY_SECONDS = 0.5;
    static final double TRAVEL_SECONDS = 2.0;
    private static final double SAMPLE_SECONDS = 1 / 30.0;
    /** A cue counts when it lies within 60 degrees of the facing axis. */
    private static final double MIN_COSINE = 0.5;
    /** Travel counts when it is longer than this share of the torso (hips to neck). */
    private static final double MIN_TRAVEL = 0.5;

    private static final int FEET = BodyPart.BODY.size();
    private static final int LEFT_BIG_TOE = FEET;
    private static final int RIGHT_BIG_TOE = FEET + 3;

    /** Facing +Z, for a skeleton without hips or shoulders to tell. */
    public static final InitialFacing FRONT = new InitialFacing(0, 0, 0, false);

    /**
     * @param pointsAt the mapped 3D points (x, y, z, present quadruples in {@link BvhBodyMapping} order)
     *                 at a time in seconds
     * @param duration length of the clip in seconds
     */
    public static InitialFacing estimate(DoubleFunction<double[]> pointsAt, double duration) {
        double acrossX = 0;
        double acrossZ = 0;
        double toesX = 0;
        double toesZ = 0;
        double window = Math.min(BODY_SECONDS, Math.max(0, duration));
        for (double t = 0; t <= window + 1e-9; t += SAMPLE_SECONDS) {
            double[] p = pointsAt.apply(t);
            for (int[] pair : new int[][] {{BodyJoint.LEFT_HIP.index(), BodyJoint.RIGHT_HIP.index()},
                    {BodyJoint.LEFT_SHOULDER.index(), BodyJoint.RIGHT_SHOULDER.index()}}) {
                if (present(p, pair[0]) && present(p, pair[1])) {
                    acrossX += x(p, pair[0]) - x(p, pair[1]);
                    acrossZ += z(p, pair[0]) - z(p, pair[1]);
                }
            }
            for (int[] foot : new int[][] {{LEFT_BIG_TOE, BodyJoint.LEFT_ANKLE.index()},
                    {RIGHT_BIG_TOE, BodyJoint.RIGHT_ANKLE.index()}}) {
                if (present(p, foot[0]) && present(p, foot[1])) {
                    toesX += x(p, foot[0]) - x(p, foot[1]);
                    toesZ += z(p, foot[0]) - z(p, foot[1]);
                }
            }
        }
        // facing = left x up, with up = +Y: (-left.z, 0, left.x)
        double fx = -acrossZ;
        double fz = acrossX;
        double length = Math.hypot(fx, fz);
        if (length < 1e-9) {
            return FRONT;
        }
        fx /= length;
        fz /= length;
        int toes = vote(toesX, toesZ, fx, fz);
        int travel = travelVote(pointsAt, duration, fx, fz);
        boolean flipped = 1 + toes + travel < 0;
        if (flipped) {
            fx = -fx;
            fz = -fz;
        }
        double yaw = Math.toDegrees(Math.atan2(fx, fz));
        return new InitialFacing(yaw == -180 ? 180 : yaw, flipped ? -toes : toes, flipped ? -travel : travel, flipped);
    }

    /** A short note for the status line, e.g. "the performer starts facing 178° (toes agree)". */
    public String describe() {
        StringBuilder text = new StringBuilder("the performer starts facing ").append(Math.round(yawDegrees)).append("°");
        String toes = toesAgree > 0 ? "toes agree" : toesAgree < 0 ? "toes disagree" : "";
        String travel = travelAgrees > 0 ? "walks forwards" : travelAgrees < 0 ? "walks backwards" : "";
        String cues = flipped ? "left and right look mirrored; toes and travel decide"
                : String.join(", ", java.util.stream.Stream.of(toes, travel).filter(s -> !s.isEmpty()).toList());
        return cues.isEmpty() ? text.toString() : text.append(" (").append(cues).append(")").toString();
    }

    private static int travelVote(DoubleFunction<double[]> pointsAt, double duration, double fx, double fz) {
        double[] start = pointsAt.apply(0);
        double[] end = pointsAt.apply(Math.min(TRAVEL_SECONDS, Math.max(0, duration)));
        double[] a = hipCentre(start);
        double[] b = hipCentre(end);
        if (a == null || b == null || !present(start, BodyJoint.NECK.index())) {
            return 0;
        }
        int neck = BodyJoint.NECK.index();
        double torso = Math.sqrt(sq(x(start, neck) - a[0]) + sq(start[4 * neck + 1] - a[1]) + sq(z(start, neck) - a[2]));
        double dx = b[0] - a[0];
        double dz = b[2] - a[2];
        if (Math.hypot(dx, dz) < MIN_TRAVEL * torso) {
            return 0;
        }
        return vote(dx, dz, fx, fz);
    }

    private static int vote(double vx, double vz, double fx, double fz) {
        double length = Math.hypot(vx, vz);
        if (length < 1e-9) {
            return 0;
        }
        double cosine = (vx * fx + vz * fz) / length;
        return cosine > MIN_COSINE ? 1 : cosine < -MIN_COSINE ? -1 : 0;
    }

    private static double[] hipCentre(double[] p) {
        int l = BodyJoint.LEFT_HIP.index();
        int r = BodyJoint.RIGHT_HIP.index();
        if (!present(p, l) || !present(p, r)) {
            return null;
        }
        return new double[] {(x(p, l) + x(p, r)) / 2, (p[4 * l + 1] + p[4 * r + 1]) / 2, (z(p, l) + z(p, r)) / 2};
    }

    private static boolean present(double[] p, int k) {
        return p[4 * k + 3] > 0;
    }

    private static double x(double[] p, int k) {
        return p[4 * k];
    }

    private static double z(double[] p, int k) {
        return p[4 * k + 2];
    }

    private static double sq(double v) {
        return v * v;
    }
}
