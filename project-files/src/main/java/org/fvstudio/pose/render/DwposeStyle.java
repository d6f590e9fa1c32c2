package org.fvstudio.pose.render;

/**
 * The drawing conventions of DWPose's {@code draw_pose}: limb order, the 18 body colours,
 * hand edges with their HSV-rainbow colours, sizes and visibility thresholds.
 * Colours are packed {@code 0xRRGGBB}.
 */
public final class DwposeStyle {

    private DwposeStyle() {
    }

    /** Half-width of a limb ellipse in pixels. */
    public static final int LIMB_HALF_WIDTH = 4;
    public static final int BODY_JOINT_RADIUS = 4;
    public static final int HAND_JOINT_RADIUS = 4;
    public static final int FACE_POINT_RADIUS = 3;
    public static final int HAND_EDGE_THICKNESS = 2;

    /** A body point is drawn iff its confidence is strictly above this. */
    public static final double BODY_THRESHOLD = 0.3;
    /** A hand or face point is drawn iff its confidence is at least this ... */
    public static final double HAND_FACE_THRESHOLD = 0.3;
    /** ... and its normalised x and y both exceed this. */
    public static final double EDGE_EPSILON = 0.01;

    /** Multiplier applied to the whole canvas after the limbs and before the joints. */
    public static final double LIMB_DIMMING = 0.6;

    /** The 18 standard colours; colour i paints limb i and body joint i. */
    private static final int[] BODY_COLORS = {
        0xFF0000, 0xFF5500, 0xFFAA00, 0xFFFF00, 0xAAFF00, 0x55FF00, 0x00FF00, 0x00FF55, 0x00FFAA,
        0x00FFFF, 0x00AAFF, 0x0055FF, 0x0000FF, 0x5500FF, 0xAA00FF, 0xFF00FF, 0xFF00AA, 0xFF0055,
    };

    /** The 17 drawn limbs as pairs of 18-point body indices (neck-centred, then head). */
    private static final int[][] LIMBS = {
        {1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {1, 8}, {8, 9}, {9, 10},
        {1, 11}, {11, 12}, {12, 13}, {1, 0}, {0, 14}, {14, 16}, {0, 15}, {15, 17},
    };

    /** The 20 hand edges over the 21 hand points (wrist 0, then four points per finger). */
    private static final int[][] HAND_EDGES = {
        {0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {5, 6}, {6, 7}, {7, 8}, {0, 9}, {9, 10},
        {10, 11}, {11, 12}, {0, 13}, {13, 14}, {14, 15}, {15, 16}, {0, 17}, {17, 18}, {18, 19}, {19, 20},
    };

    private static final int[] HAND_EDGE_COLORS = new int[HAND_EDGES.length];

    public static final int HAND_JOINT_COLOR = 0x0000FF;
    public static final int FACE_POINT_COLOR = 0xFFFFFF;

    static {
        for (int i = 0; i < HAND_EDGES.length; i++) {
            HAND_EDGE_COLORS[i] = rainbow(i / (double) HAND_EDGES.length);
        }
    }

    public static int limbCount() {
        return LIMBS.length;
    }

    /** Body index of end {@code end} (0 or 1) of limb {@code limb}. */
    public static int limbEnd(int limb, int end) {
        return LIMBS[limb][end];
    }

    public static int bodyColor(int index) {
        return BODY_COLORS[index];
    }

    public static int handEdgeCount() {
        return HAND_EDGES.length;
    }

    public static int handEdgeEnd(int edge, int end) {
        return HAND_EDGES[edge][end];
    }

    public static int handEdgeColor(int edge) {
        return HAND_EDGE_COLORS[edge];
    }

    /**
     * HSV (h, 1, 1) to RGB, scaled by 255 and rounded half-to-even, the way a float colour
     * reaches an 8-bit image through OpenCV.
     */
    static int rainbow(double hue) {
        double h6 = hue * 6.0;
        int sector = (int) h6;
        double f = h6 - sector;
        double q = 1.0 - f;
        double t = 1.0 - (1.0 - f);
        double r;
        double g;
        double b;
        switch (sector % 6) {
            case 0 -> { r = 1; g = t; b = 0; }
            case 1 -> { r = q; g = 1; b = 0; }
            case 2 -> { r = 0; g = 1; b = t; }
            case 3 -> { r = 0; g = q; b = 1; }
            case 4 -> { r = t; g = 0; b = 1; }
            default -> { r = 1; g = 0; b = q; }
        }
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(double unit) {
        return (int) Math.max(0, Math.min(255, Math.rint(unit * 255)));
    }
}
