package org.fvstudio.export;

/**
 * The perceptual "inferno" colour map of matplotlib (Smith and van der Walt, 2015: black through purple and
 * orange to pale yellow, lightness rising monotonically, readable in grey and by colour-blind viewers).
 * <p>
 * The 256-entry table is generated here from the published degree-6 least-squares polynomial fit of the
 * matplotlib table per channel (Matt Zucconi, 2019, Shadertoy "viridis/inferno/magma/plasma approximations",
 * released CC0); its coefficients are data. The fit stays within about 0.02 of matplotlib's values
 * (index 0: 0.0015, 0.0005, 0.0139; index 255: 0.9884, 0.9984, 0.6449).
 */
public final class InfernoColorMap {

    // Polynomial coefficients c0..c6 for red, green, blue: value(t) = sum c_k t^k.
    private static final double[][] COEFFICIENTS = {
        {0.0002189403691192265, 0.1065134194856116, 11.60249308247187, -41.70399613139459,
            77.162935699427, -71.31942824499214, 25.13112622477341},
        {0.001651004631001012, 0.5639564367884091, -3.972853965665698, 17.43639888205313,
            -33.40235894210092, 32.62606426397723, -12.24266895238567},
        {-0.01948089843709184, 3.932712388889277, -15.9423941062914, 44.35414519872813,
            -81.80730925738993, 73.20951985803202, -23.07032500287172},
    };

    private static final int[] TABLE = buildTable();

    private InfernoColorMap() {
    }

    /** Packed 0xRRGGBB colour for t in [0, 1] (clamped; NaN maps to 0). */
    public static int rgb(double t) {
        if (!(t > 0)) {
            return TABLE[0];
        }
        if (t >= 1) {
            return TABLE[255];
        }
        return TABLE[(int) Math.round(t * 255)];
    }

    /** A copy of the 256 packed colours. */
    public static int[] table() {
        return TABLE.clone();
    }

    private static int[] buildTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int packed = 0;
            for (double[] channel : COEFFICIENTS) {
                double value = 0;
                for (int k = channel.length - 1; k >= 0; k--) {
                    value = value * t + channel[k];
                }
                int byteValue = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
                packed = packed << 8 | byteValue;
            }
            table[i] = packed;
        }
        return table;
    }
}
