package org.fvstudio.inference.dwpose;

/**
 * SimCC decoding: for each keypoint the argmax along the x bins and along the y bins, location = bin / split
 * ratio (crop pixels), confidence = the smaller of the two maxima (0 when that is not positive).
 */
public final class SimccDecoder {

    /** DWPose's SimCC bins are half pixels. */
    public static final double SPLIT_RATIO = 2.0;

    private SimccDecoder() {
    }

    /**
     * @param simccX flat [keypoints][xBins]
     * @param simccY flat [keypoints][yBins]
     * @return flat [keypoints][x, y, confidence] in crop pixels
     */
    public static double[] decode(float[] simccX, float[] simccY, int keypoints) {
        if (simccX.length % keypoints != 0 || simccY.length % keypoints != 0) {
            throw new IllegalArgumentException("SimCC outputs of " + simccX.length + " and " + simccY.length
                    + " values do not split into " + keypoints + " keypoints");
        }
        int xBins = simccX.length / keypoints;
        int yBins = simccY.length / keypoints;
        double[] out = new double[3 * keypoints];
        for (int k = 0; k < keypoints; k++) {
            int bx = argmax(simccX, k * xBins, xBins);
            int by = argmax(simccY, k * yBins, yBins);
            double confidence = Math.min(simccX[k * xBins + bx], simccY[k * yBins + by]);
            out[3 * k] = bx / SPLIT_RATIO;
            out[3 * k + 1] = by / SPLIT_RATIO;
            out[3 * k + 2] = confidence > 0 ? confidence : 0;
        }
        return out;
    }

    /** First index of the largest value (NaN never wins). */
    static int argmax(float[] values, int offset, int length) {
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            float v = values[offset + i];
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }
}
