package org.fvstudio.ui.generation;

import java.util.List;
import java.util.function.UnaryOperator;

import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.ui.edit.Edit;
import org.fvstudio.ui.edit.PropertyEdit;

/** Undoable changes of the project's generation settings; one key per setting so a held spinner is one edit. */
public final class GenerationEdits {

    private GenerationEdits() {
    }

    public static Edit pack(Project p, String packId) {
        return change(p, "pack", "Choose model pack", s -> with(s, packId, s.device(), s.steps(), s.guidance(), s.seed(),
                s.tokenBudget(), s.referencesUsed()));
    }

    public static Edit device(Project p, String device) {
        return change(p, "device", "Choose device " + device, s -> with(s, s.packId(), device, s.steps(), s.guidance(),
                s.seed(), s.tokenBudget(), s.referencesUsed()));
    }

    public static Edit steps(Project p, int steps) {
        return change(p, "steps", "Set steps", s -> with(s, s.packId(), s.device(), steps, s.guidance(), s.seed(),
                s.tokenBudget(), s.referencesUsed()));
    }

    public static Edit guidance(Project p, double guidance) {
        return change(p, "guidance", "Set guidance", s -> with(s, s.packId(), s.device(), s.steps(), guidance, s.seed(),
                s.tokenBudget(), s.referencesUsed()));
    }

    public static Edit seed(Project p, long seed) {
        return change(p, "seed", "Set seed", s -> with(s, s.packId(), s.device(), s.steps(), s.guidance(), seed,
                s.tokenBudget(), s.referencesUsed()));
    }

    public static Edit tokenBudget(Project p, int k) {
        return change(p, "tokenBudget", "Set token budget", s -> with(s, s.packId(), s.device(), s.steps(), s.guidance(),
                s.seed(), k, s.referencesUsed()));
    }

    /** @param used reference ids; empty = every enabled reference */
    public static Edit referencesUsed(Project p, List<String> used) {
        return change(p, "referencesUsed", "Choose references for generation", s -> with(s, s.packId(), s.device(),
                s.steps(), s.guidance(), s.seed(), s.tokenBudget(), used));
    }

    /** "Use these settings": the settings stored with a result become the project's. */
    public static Edit recall(Project p, GenerationSettings stored, int frame) {
        return new PropertyEdit<>("Use the settings of frame " + frame, "generation.recall:" + frame,
                Project::withGeneration, p.generation(), stored);
    }

    private static Edit change(Project p, String key, String description, UnaryOperator<GenerationSettings> change) {
        return new PropertyEdit<>(description, "generation." + key, Project::withGeneration, p.generation(),
                change.apply(p.generation()));
    }

    private static GenerationSettings with(GenerationSettings ignored, String pack, String device, int steps,
                                           double guidance, long seed, int k, List<String> used) {
        return new GenerationSettings(pack, device, steps, guidance, seed, k, used);
    }
}
