package org.fvstudio.retarget;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.project.RetargetOptions;

/**
 * The factor each bone of the source is multiplied by: the character's length over the source's, times one overall
 * size. A bone's factor is the same on every frame, so a bone keeps the foreshortening it has in the source on each
 * frame, and where it is seen at full length it gets the character's full length. A bone the references never show
 * takes the median factor of the others (it scales with the body).
 */
public record BoneGains(double[] factors, double size) {

    private static final BoneKind[] HEIGHT_CHAIN = {BoneKind.HEAD, BoneKind.TORSO, BoneKind.THIGH, BoneKind.SHIN};

    public BoneGains {
        factors = factors.clone();
    }

    public static BoneGains of(Proportions character, Proportions source, RetargetOptions.Height height) {
        double size = size(character, source, height);
        double[] factors = new double[BoneKind.values().length];
        List<Double> known = new ArrayList<>();
        for (BoneKind kind : BoneKind.values()) {
            if (character.knows(kind) && source.knows(kind)) {
                factors[kind.ordinal()] = size * character.length(kind).orElseThrow() / source.length(kind).orElseThrow();
                known.add(factors[kind.ordinal()]);
            } else {
                factors[kind.ordinal()] = Double.NaN;
            }
        }
        double fallback = known.isEmpty() ? 1 : ProportionEstimator.quantile(known, 0.5);
        for (int k = 0; k < factors.length; k++) {
            if (Double.isNaN(factors[k])) {
                factors[k] = fallback;
            }
        }
        return new BoneGains(factors, size);
    }

    public double of(BoneKind kind) {
        return factors[kind.ordinal()];
    }

    /**
     * Source-relative length units per character-relative unit: with {@link RetargetOptions.Height#SOURCE} the head,
     * torso and legs together keep the source's length; with {@link RetargetOptions.Height#CHARACTER} the torso does.
     */
    private static double size(Proportions character, Proportions source, RetargetOptions.Height height) {
        if (height == RetargetOptions.Height.CHARACTER && character.knows(BoneKind.TORSO) && source.knows(BoneKind.TORSO)) {
            return source.length(BoneKind.TORSO).orElseThrow() / character.length(BoneKind.TORSO).orElseThrow();
        }
        double sourceSum = 0;
        double characterSum = 0;
        for (BoneKind kind : HEIGHT_CHAIN) {
            if (character.knows(kind) && source.knows(kind)) {
                sourceSum += source.length(kind).orElseThrow();
                characterSum += character.length(kind).orElseThrow();
            }
        }
        if (characterSum > 0) {
            return sourceSum / characterSum;
        }
        List<Double> ratios = new ArrayList<>();
        for (BoneKind kind : BoneKind.values()) {
            if (character.knows(kind) && source.knows(kind)) {
                ratios.add(source.length(kind).orElseThrow() / character.length(kind).orElseThrow());
            }
        }
        return ratios.isEmpty() ? 1 : ProportionEstimator.quantile(ratios, 0.5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoneGains other && java.util.Arrays.equals(factors, other.factors) && size == other.size;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(factors) * 31 + Double.hashCode(size);
    }
}
