package org.fvstudio.inference.selection;

/** The pack's selection settings: resize corner convention, softmax over all tokens, weighting. */
public record SelectionRule(boolean alignCorners, boolean softmax, Weighting weighting) {

    public SelectionRule {
        if (weighting == null) {
            throw new IllegalArgumentException("a selection rule needs a weighting");
        }
    }
}
