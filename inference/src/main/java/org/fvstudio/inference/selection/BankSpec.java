package org.fvstudio.inference.selection;

/** A reference feature bank: its grid, channels and token budget K. */
public record BankSpec(String name, int gridH, int gridW, int channels, int topK) {

    public BankSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a bank needs a name");
        }
        if (gridH < 1 || gridW < 1 || channels < 1 || topK < 1) {
            throw new IllegalArgumentException("bank '" + name + "' needs a positive grid, channels and top_k, got "
                    + gridH + "x" + gridW + ", " + channels + ", " + topK);
        }
    }

    public int tokensPerReference() {
        return gridH * gridW;
    }

    public BankSpec withTopK(int k) {
        return new BankSpec(name, gridH, gridW, channels, k);
    }
}
