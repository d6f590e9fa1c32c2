package org.fvstudio.ui.generation;

import java.util.Arrays;

/**
 * The tokens kept for one frame in the first feature bank, as the heatmap panel shows them: token index =
 * reference * gridH * gridW + y * gridW + x (-1 = padding).
 */
public record TokenMask(String bank, int gridH, int gridW, int[] indices) {

    public static final TokenMask NONE = new TokenMask("", 1, 1, new int[0]);

    public TokenMask {
        if (gridH < 1 || gridW < 1) {
            throw new IllegalArgumentException("token grid must be at least 1x1, got " + gridW + "x" + gridH);
        }
        indices = indices.clone();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** Chosen cells of reference {@code reference}, row-major on the bank grid. */
    public boolean[] cellsOf(int reference) {
        int cells = gridH * gridW;
        boolean[] mask = new boolean[cells];
        for (int i : indices) {
            if (i >= 0 && i / cells == reference) {
                mask[i % cells] = true;
            }
        }
        return mask;
    }

    /**
     * Whether the bank cell under a point of a reference was selected; {@code u, v} in [0, 1) across the
     * reference image (the grids of map and bank may differ).
     */
    public boolean isSelected(int reference, double u, double v) {
        int x = Math.min(gridW - 1, Math.max(0, (int) Math.floor(u * gridW)));
        int y = Math.min(gridH - 1, Math.max(0, (int) Math.floor(v * gridH)));
        int wanted = reference * gridH * gridW + y * gridW + x;
        return Arrays.stream(indices).anyMatch(i -> i == wanted);
    }

    public int countOf(int reference) {
        int n = 0;
        for (boolean b : cellsOf(reference)) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenMask other && bank.equals(other.bank) && gridH == other.gridH && gridW == other.gridW
                && Arrays.equals(indices, other.indices);
    }

    @Override
    public int hashCode() {
        return bank.hashCode() * 31 + Arrays.hashCode(indices);
    }
}
