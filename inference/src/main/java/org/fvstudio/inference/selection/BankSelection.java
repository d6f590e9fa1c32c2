package org.fvstudio.inference.selection;

/**
 * The tokens kept for one bank of one target frame, best first. Slots past {@link #keptCount()} are padding
 * (index -1, weight 0, zero features). Token index i = n * h * w + y * w + x.
 *
 * @param tokens  K x C fused features, row-major ({@code weight * feature})
 */
public record BankSelection(BankSpec bank, int references, int[] indices, float[] scores, float[] weights,
                            float[] tokens, int keptCount) {

    public int k() {
        return indices.length;
    }

    /** Which reference the token in {@code slot} came from, or -1 for padding. */
    public int referenceOf(int slot) {
        int i = indices[slot];
        return i < 0 ? -1 : i / bank.tokensPerReference();
    }

    public int[] countsPerReference() {
        int[] counts = new int[references];
        for (int slot = 0; slot < keptCount; slot++) {
            counts[referenceOf(slot)]++;
        }
        return counts;
    }

    /** Each reference's share of the K slots (kept tokens of reference n / K). */
    public double[] shares() {
        int[] counts = countsPerReference();
        double[] shares = new double[references];
        for (int n = 0; n < references; n++) {
            shares[n] = (double) counts[n] / k();
        }
        return shares;
    }

    /** The chosen cells of reference {@code n} on the bank grid, row-major. */
    public boolean[] mask(int n) {
        boolean[] mask = new boolean[bank.tokensPerReference()];
        for (int slot = 0; slot < keptCount; slot++) {
            if (referenceOf(slot) == n) {
                mask[indices[slot] % bank.tokensPerReference()] = true;
            }
        }
        return mask;
    }
}
