package org.fvstudio.ui.editor;

import java.util.Collections;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/**
 * Plausible default shapes: a standing person, a relaxed open hand placed along the forearm, a
 * frontal face around the nose; and the left-right mirror of a pose.
 */
public final class PoseShapes {

    /** Standing person, body + feet, in units of body height (0 = top of head, x centred). */
    private static final double[][] PERSON = {
        {0, 0.08}, {0, 0.18}, {-0.11, 0.18}, {-0.14, 0.33}, {-0.15, 0.47}, {0.11, 0.18}, {0.14, 0.33}, {0.15, 0.47},
        {-0.07, 0.5}, {-0.08, 0.72}, {-0.08, 0.93}, {0.07, 0.5}, {0.08, 0.72}, {0.08, 0.93},
        {-0.025, 0.06}, {0.025, 0.06}, {-0.05, 0.07}, {0.05, 0.07},
        // feet: left big toe, left small toe, left heel, right big toe, right small toe, right heel
        {0.1, 0.98}, {0.13, 0.97}, {0.075, 0.95}, {-0.1, 0.98}, {-0.13, 0.97}, {-0.075, 0.95},
    };

    /**
     * Right hand in units of hand length: x along the forearm from the wrist, y to the side of the
     * thumb (the left hand mirrors y). Wrist, then thumb, index, middle, ring, little finger.
     */
    private static final double[][] HAND = {
        {0, 0},
        {0.22, -0.28}, {0.4, -0.42}, {0.55, -0.52}, {0.68, -0.58},
        {0.6, -0.2}, {0.8, -0.22}, {0.94, -0.23}, {1.06, -0.24},
        {0.63, -0.05}, {0.85, -0.05}, {1.0, -0.05}, {1.13, -0.05},
        {0.6, 0.1}, {0.8, 0.11}, {0.93, 0.12}, {1.04, 0.13},
        {0.55, 0.24}, {0.7, 0.27}, {0.8, 0.29}, {0.89, 0.31},
    };

    /** The 68 face points (iBUG order) in units of the eye distance, nose tip at the origin. */
    private static final double[][] FACE = face();

    /** Left-right partner of each of the 134 keypoints (itself for points on the midline). */
    private static final int[] MIRROR = mirrorTable();

    private PoseShapes() {
    }

    /** A standing person of {@code height} pixels with its head top at (centreX, top). */
    public static PersonPose standingPerson(double centreX, double top, double height) {
        double[] v = new double[PersonPose.KEYPOINT_COUNT * 3];
        for (int i = 0; i < PERSON.length; i++) {
            v[3 * i] = centreX + PERSON[i][0] * height;
            v[3 * i + 1] = top + PERSON[i][1] * height;
            v[3 * i + 2] = 1;
        }
        PersonPose body = PersonPose.ofFlat(v);
        return withDefaultFace(withDefaultHand(withDefaultHand(body, BodyPart.LEFT_HAND), BodyPart.RIGHT_HAND));
    }

    /** Room above the head of a framed template, as a fraction of the canvas height. */
    private static final double HEADROOM = 0.06;
    /** Shoulder to shoulder of the standing person, in units of body height. */
    private static final double SHOULDER_SPAN = 0.22;

    /**
     * A standing person framed as {@code framing} on a canvas: the visible part of the body fills the canvas
     * height below a little headroom, centred; joints that fall outside the canvas are absent (off-image), and a
     * hand only comes with its wrist.
     */
    public static PersonPose framedPerson(PersonFraming framing, double centreX, int canvasWidth, int canvasHeight) {
        double height = (1 - 2 * HEADROOM) * canvasHeight / framing.visibleFraction();
        height = Math.min(height, 0.9 * canvasWidth / SHOULDER_SPAN);
        PersonPose person = standingPerson(centreX, HEADROOM * canvasHeight, height);
        double[] v = person.toFlat();
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            if (v[3 * i] < 0 || v[3 * i] > canvasWidth || v[3 * i + 1] < 0 || v[3 * i + 1] > canvasHeight) {
                v[3 * i] = 0;
                v[3 * i + 1] = 0;
                v[3 * i + 2] = 0;
            }
        }
        PersonPose framed = PersonPose.ofFlat(v);
        for (BodyPart hand : new BodyPart[] {BodyPart.LEFT_HAND, BodyPart.RIGHT_HAND}) {
            int wrist = hand == BodyPart.LEFT_HAND ? 7 : 4;
            if (framed.confidence(wrist) <= 0) {
                framed = framed.withPart(hand, Collections.nCopies(hand.size(), Keypoint.MISSING));
            }
        }
        return framed;
    }

    /**
     * Puts an open hand at the wrist of {@code side}, pointing along the forearm; its length is 45 %
     * of the forearm (pointing down, sized from the torso, when no elbow is known).
     */
    public static PersonPose withDefaultHand(PersonPose pose, BodyPart side) {
        if (side != BodyPart.LEFT_HAND && side != BodyPart.RIGHT_HAND) {
            throw new IllegalArgumentException(side + " is not a hand");
        }
        boolean left = side == BodyPart.LEFT_HAND;
        int wrist = left ? 7 : 4;
        int elbow = left ? 6 : 3;
        if (pose.confidence(wrist) <= 0) {
            throw new IllegalArgumentException("the " + (left ? "left" : "right") + " wrist is missing; place it first");
        }
        double wx = pose.x(wrist);
        double wy = pose.y(wrist);
        double dx;
        double dy;
        double length;
        if (pose.confidence(elbow) > 0 && (pose.x(elbow) != wx || pose.y(elbow) != wy)) {
            dx = wx - pose.x(elbow);
            dy = wy - pose.y(elbow);
            double forearm = Math.hypot(dx, dy);
            dx /= forearm;
            dy /= forearm;
            length = 0.45 * forearm;
        } else {
            dx = 0;
            dy = 1;
            length = Math.max(12, 0.12 * bodyScale(pose));
        }
        double side90 = left ? -1 : 1;
        double[] v = pose.toFlat();
        for (int i = 0; i < HAND.length; i++) {
            double along = HAND[i][0] * length;
            double across = HAND[i][1] * length * side90;
            int g = side.offset() + i;
            v[3 * g] = wx + along * dx - across * dy;
            v[3 * g + 1] = wy + along * dy + across * dx;
            v[3 * g + 2] = 1;
        }
        return PersonPose.ofFlat(v);
    }

    /** Puts a frontal face around the nose, sized by the eyes (or the head) and turned with the eye line. */
    public static PersonPose withDefaultFace(PersonPose pose) {
        if (pose.confidence(0) <= 0) {
            throw new IllegalArgumentException("the nose is missing; place it first");
        }
        double nx = pose.x(0);
        double ny = pose.y(0);
        double unit;
        double angle = 0;
        if (pose.confidence(14) > 0 && pose.confidence(15) > 0) {
            double ex = pose.x(15) - pose.x(14);
            double ey = pose.y(15) - pose.y(14);
            unit = Math.hypot(ex, ey);
            angle = Math.atan2(ey, ex);
            if (ex < 0) {
                // eyes seen from behind or crossed: keep the face upright
                angle = 0;
            }
        } else if (pose.confidence(1) > 0) {
            unit = 0.35 * Math.hypot(pose.x(1) - nx, pose.y(1) - ny);
        } else {
            unit = 20;
        }
        unit = Math.max(unit, 2);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] v = pose.toFlat();
        for (int i = 0; i < FACE.length; i++) {
            double fx = FACE[i][0] * unit;
            double fy = FACE[i][1] * unit;
            int g = BodyPart.FACE.offset() + i;
            v[3 * g] = nx + cos * fx - sin * fy;
            v[3 * g + 1] = ny + sin * fx + cos * fy;
            v[3 * g + 2] = 1;
        }
        return PersonPose.ofFlat(v);
    }

    /**
     * Mirrors the person left-right about the vertical line x = {@code axisX}: positions flip and
     * every left point trades places with its right partner, so the result is again a correctly
     * labelled person (what an artist means by "flip the pose").
     */
    public static PersonPose mirrored(PersonPose pose, double axisX) {
        double[] src = pose.toFlat();
        double[] v = new double[src.length];
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            int j = MIRROR[i];
            boolean unplaced = src[3 * j + 2] <= 0 && src[3 * j] == 0 && src[3 * j + 1] == 0;
            v[3 * i] = unplaced ? 0 : 2 * axisX - src[3 * j];
            v[3 * i + 1] = src[3 * j + 1];
            v[3 * i + 2] = src[3 * j + 2];
        }
        return PersonPose.ofFlat(v);
    }

    /** The x of the person's vertical midline: the neck, else the centre of the present points. */
    public static double midlineX(PersonPose pose) {
        if (pose.confidence(1) > 0) {
            return pose.x(1);
        }
        double[] b = PoseGeometry.bounds(pose, java.util.stream.IntStream.range(0, PersonPose.KEYPOINT_COUNT).boxed().toList());
        return b == null ? 0 : (b[0] + b[2]) / 2;
    }

    public static int mirrorOf(int index) {
        return MIRROR[index];
    }

    private static double bodyScale(PersonPose pose) {
        if (pose.confidence(1) > 0 && pose.confidence(8) > 0) {
            return 2.5 * Math.hypot(pose.x(8) - pose.x(1), pose.y(8) - pose.y(1));
        }
        return 200;
    }

    private static int[] mirrorTable() {
        int[] m = new int[PersonPose.KEYPOINT_COUNT];
        for (int i = 0; i < m.length; i++) {
            m[i] = i;
        }
        int[][] body = {{2, 5}, {3, 6}, {4, 7}, {8, 11}, {9, 12}, {10, 13}, {14, 15}, {16, 17}};
        for (int[] pair : body) {
            swap(m, pair[0], pair[1]);
        }
        for (int i = 0; i < 3; i++) {
            swap(m, BodyPart.FEET.offset() + i, BodyPart.FEET.offset() + 3 + i);
        }
        for (int i = 0; i < 21; i++) {
            swap(m, BodyPart.LEFT_HAND.offset() + i, BodyPart.RIGHT_HAND.offset() + i);
        }
        int f = BodyPart.FACE.offset();
        int[][] face = {
            {0, 16}, {1, 15}, {2, 14}, {3, 13}, {4, 12}, {5, 11}, {6, 10}, {7, 9},
            {17, 26}, {18, 25}, {19, 24}, {20, 23}, {21, 22},
            {31, 35}, {32, 34},
            {36, 45}, {37, 44}, {38, 43}, {39, 42}, {40, 47}, {41, 46},
            {48, 54}, {49, 53}, {50, 52}, {55, 59}, {56, 58},
            {60, 64}, {61, 63}, {65, 67},
        };
        for (int[] pair : face) {
            swap(m, f + pair[0], f + pair[1]);
        }
        return m;
    }

    private static void swap(int[] m, int a, int b) {
        m[a] = b;
        m[b] = a;
    }

    private static double[][] face() {
        double[][] p = new double[68][];
        for (int i = 0; i <= 16; i++) {
            double phi = Math.PI * i / 16;
            p[i] = new double[] {-1.5 * Math.cos(phi), -0.3 + 1.8 * Math.sin(phi)};
        }
        for (int i = 0; i < 5; i++) {
            double x = -1.2 + 0.2375 * i;
            p[17 + i] = new double[] {x, -1.0 - 0.12 * Math.sin(Math.PI * (i + 0.5) / 5)};
            p[26 - i] = new double[] {-x, p[17 + i][1]};
        }
        for (int i = 0; i < 4; i++) {
            p[27 + i] = new double[] {0, -0.7 * (3 - i) / 3};
        }
        for (int i = 0; i < 5; i++) {
            p[31 + i] = new double[] {-0.35 + 0.175 * i, 0.2 + (i == 2 ? 0.03 : 0)};
        }
        double[][] eye = {{-0.75, -0.6}, {-0.6, -0.68}, {-0.4, -0.68}, {-0.25, -0.6}, {-0.4, -0.52}, {-0.6, -0.52}};
        int[] leftOrder = {3, 2, 1, 0, 5, 4};
        for (int i = 0; i < 6; i++) {
            p[36 + i] = eye[i];
            p[42 + i] = new double[] {-eye[leftOrder[i]][0], eye[leftOrder[i]][1]};
        }
        double[][] mouth = {
            {-0.5, 0.6}, {-0.3, 0.5}, {-0.1, 0.47}, {0, 0.49}, {0.1, 0.47}, {0.3, 0.5}, {0.5, 0.6},
            {0.3, 0.72}, {0.1, 0.77}, {0, 0.78}, {-0.1, 0.77}, {-0.3, 0.72},
            {-0.4, 0.6}, {-0.1, 0.56}, {0, 0.57}, {0.1, 0.56}, {0.4, 0.6}, {0.1, 0.65}, {0, 0.66}, {-0.1, 0.65},
        };
        System.arraycopy(mouth, 0, p, 48, mouth.length);
        return p;
    }

    /** True when every keypoint of {@code part} is missing. */
    public static boolean isMissing(PersonPose pose, BodyPart part) {
        return !pose.hasAnyPresent(part);
    }
}
