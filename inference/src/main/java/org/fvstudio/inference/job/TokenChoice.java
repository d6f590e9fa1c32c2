package org.fvstudio.inference.job;

/**
 * The tokens kept in one bank for one frame, best first (token index = n * h * w + y * w + x, -1 = padding),
 * and each reference's share of the K slots.
 */
public record TokenChoice(String bank, int gridH, int gridW, int[] indices, float[] scores, double[] shares) {

    public int k() {
        return indices.length;
    }

    /** Chosen cells of reference {@code n}, row-major on the bank grid. */
    public boolean[] mask(int n) {
        int cells = gridH * gridW;
        boolean[] mask = new boolean[cells];
        for (int i : indices) {
            if (i >= 0 && i / cells == n) {
                mask[i % cells] = true;
            }
        }
        return mask;
    }
}
