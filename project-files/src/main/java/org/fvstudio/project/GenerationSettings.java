package org.fvstudio.project;

import java.util.List;

import org.fvstudio.input.InputLimits;

/**
 * How frames are generated.
 *
 * @param packId         model pack id (e.g. {@code fvs-tiny}) or a folder path
 * @param device         requested device: {@code auto}, {@code cpu} or {@code cuda}
 * @param tokenBudget    K, the number of reference tokens kept per feature bank (0 = the pack's default)
 * @param referencesUsed ids of the references to use; empty means every enabled reference
 */
public record GenerationSettings(String packId, String device, int steps, double guidance, long seed,
                                 int tokenBudget, List<String> referencesUsed) {

    public static final GenerationSettings DEFAULTS =
            new GenerationSettings("fvs-tiny", "auto", 8, 1.0, 42, 0, List.of());

    public GenerationSettings {
        if (packId == null || packId.isBlank()) {
            throw new IllegalArgumentException("generation settings need a pack id");
        }
        if (!List.of("auto", "cpu", "cuda").contains(device)) {
            throw new IllegalArgumentException("device must be auto, cpu or cuda, got '" + device + "'");
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("steps must lie in 1..1000, got " + steps);
        }
        if (!(guidance >= 0) || guidance > 50) {
            throw new IllegalArgumentException("guidance must lie in 0..50, got " + guidance);
        }
        if (tokenBudget < 0 || tokenBudget > InputLimits.TOKEN_BUDGET_MAX) {
            throw new IllegalArgumentException("token budget must be 0 to " + InputLimits.TOKEN_BUDGET_MAX + ", got "
                    + tokenBudget);
        }
        referencesUsed = List.copyOf(referencesUsed);
    }
}
