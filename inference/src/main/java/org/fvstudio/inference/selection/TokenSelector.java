package org.fvstudio.inference.selection;

/**
 * Pose-correlated reference selection for one target frame and one bank (docs/model-pack.md section 4):
 * resize each reference's correlation map to the bank grid, flatten over references, optionally softmax,
 * keep the top K, weight them and gather the weighted features.
 */
public final class TokenSelector {

    private final SelectionRule rule;

    public TokenSelector(SelectionRule rule) {
        this.rule = rule;
    }

    /**
     * @param correlation one map per reference, each {@code corrH * corrW} values
     * @param features    one NCHW slice per reference, each {@code channels * gridH * gridW} values
     */
    public BankSelection select(float[][] correlation, int corrH, int corrW, float[][] features, BankSpec bank) {
        int n = correlation.length;
        if (n == 0) {
            throw new IllegalArgumentException("selection needs at least one reference");
        }
        if (features.length != n) {
            throw new IllegalArgumentException("bank '" + bank.name() + "' has features of " + features.length
                    + " references, correlation maps of " + n);
        }
        int cells = bank.tokensPerReference();
        int c = bank.channels();
        float[] scores = new float[n * cells];
        for (int r = 0; r < n; r++) {
            if (features[r].length != c * cells) {
                throw new IllegalArgumentException("bank '" + bank.name() + "' reference " + r + " has " + features[r].length
                        + " values, expected " + c + "x" + bank.gridH() + "x" + bank.gridW());
            }
            float[] resized = BilinearResize.resize(correlation[r], corrH, corrW, bank.gridH(), bank.gridW(), rule.alignCorners());
            System.arraycopy(resized, 0, scores, r * cells, cells);
        }
        if (rule.softmax()) {
            softmaxInPlace(scores);
        }
        int k = bank.topK();
        int[] kept = TopK.select(scores, k);
        int[] indices = new int[k];
        float[] keptScores = new float[k];
        float[] weights = new float[k];
        float[] tokens = new float[k * c];
        java.util.Arrays.fill(indices, -1);
        for (int slot = 0; slot < kept.length; slot++) {
            int index = kept[slot];
            int ref = index / cells;
            int cell = index % cells;
            float w = rule.weighting().weight(scores[index]);
            indices[slot] = index;
            keptScores[slot] = scores[index];
            weights[slot] = w;
            float[] f = features[ref];
            int row = slot * c;
            for (int ch = 0; ch < c; ch++) {
                tokens[row + ch] = w * f[ch * cells + cell];
            }
        }
        return new BankSelection(bank, n, indices, keptScores, weights, tokens, kept.length);
    }

    static void softmaxInPlace(float[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        double[] e = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            e[i] = Math.exp(v[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (e[i] / sum);
        }
    }
}
