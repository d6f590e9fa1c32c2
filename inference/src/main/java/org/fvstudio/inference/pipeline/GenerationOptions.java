package org.fvstudio.inference.pipeline;

import java.util.List;
import org.fvstudio.project.GenerationSettings;

/**
 * Per-run choices on top of the pack's defaults.
 *
 * @param tokenBudget    K per bank (0 = each bank's top_k from the pack)
 * @param allTokens      keep every reference token instead of the top K (the "no selection" ablation)
 * @param referencesUsed ids of the references to use; empty = every enabled reference
 */
public record GenerationOptions(int steps, double guidance, long seed, int tokenBudget, boolean allTokens,
                                List<String> referencesUsed) {

    public GenerationOptions {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(guidance >= 0)) {
            throw new IllegalArgumentException("guidance must be >= 0, got " + guidance);
        }
        referencesUsed = List.copyOf(referencesUsed);
    }

    public static GenerationOptions from(GenerationSettings s) {
        return new GenerationOptions(s.steps(), s.guidance(), s.seed(), s.tokenBudget(), false, s.referencesUsed());
    }

    public GenerationOptions withSteps(int n) {
        return new GenerationOptions(n, guidance, seed, tokenBudget, allTokens, referencesUsed);
    }

    public GenerationOptions withSeed(long s) {
        return new GenerationOptions(steps, guidance, s, tokenBudget, allTokens, referencesUsed);
    }

    public GenerationOptions withAllTokens(boolean all) {
        return new GenerationOptions(steps, guidance, seed, tokenBudget, all, referencesUsed);
    }

    public GenerationOptions withGuidance(double g) {
        return new GenerationOptions(steps, g, seed, tokenBudget, allTokens, referencesUsed);
    }
}
