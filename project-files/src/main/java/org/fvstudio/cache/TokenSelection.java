package org.fvstudio.cache;

import java.util.Arrays;

/**
 * The reference tokens kept in one feature bank for one frame, best first.
 *
 * @param bank       the bank's name in the model pack
 * @param gridHeight the bank's grid height
 * @param gridWidth  the bank's grid width
 * @param indices    token index = reference * gridHeight * gridWidth + y * gridWidth + x; -1 marks padding
 * @param scores     the fused score of each kept token (same length as indices, or empty when not reported)
 */
public record TokenSelection(String bank, int gridHeight, int gridWidth, int[] indices, float[] scores) {

    public TokenSelection {
        if (bank == null || bank.isBlank()) {
            throw new IllegalArgumentException("a token selection needs a bank name");
        }
        if (gridHeight <= 0 || gridWidth <= 0) {
            throw new IllegalArgumentException("bank '" + bank + "' grid must be positive, got " + gridHeight + "x" + gridWidth);
        }
        indices = indices.clone();
        scores = scores == null ? new float[0] : scores.clone();
        if (scores.length != 0 && scores.length != indices.length) {
            throw new IllegalArgumentException("bank '" + bank + "': " + scores.length + " scores for "
                    + indices.length + " tokens");
        }
        for (int index : indices) {
            if (index < -1) {
                throw new IllegalArgumentException("bank '" + bank + "': invalid token index " + index);
            }
        }
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }

    /** The kept cells of reference {@code reference}, row-major on the bank grid (for the heatmap's dots). */
    public boolean[] mask(int reference) {
        int cells = gridHeight * gridWidth;
        boolean[] mask = new boolean[cells];
        for (int index : indices) {
            if (index >= 0 && index / cells == reference) {
                mask[index % cells] = true;
            }
        }
        return mask;
    }

    /** Fraction of the non-padding tokens that came from {@code reference}. */
    public double share(int reference) {
        int cells = gridHeight * gridWidth;
        int kept = 0;
        int mine = 0;
        for (int index : indices) {
            if (index >= 0) {
                kept++;
                if (index / cells == reference) {
                    mine++;
                }
            }
        }
        return kept == 0 ? 0 : (double) mine / kept;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSelection other && bank.equals(other.bank) && gridHeight == other.gridHeight
                && gridWidth == other.gridWidth && Arrays.equals(indices, other.indices) && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return bank.hashCode() * 31 + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "TokenSelection[" + bank + " " + gridHeight + "x" + gridWidth + ", k=" + indices.length + "]";
    }
}
