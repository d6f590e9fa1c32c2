package org.fvstudio.ui.generation;

import java.util.List;
import java.util.stream.Collectors;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * The references that stop Generate before it starts: those the generation would read (the project decides
 * which) that have no skeleton yet. Named all at once, so the artist fixes them in one go.
 *
 * @param used the references the generation reads
 * @param withoutSkeleton those of them without a visible body in their skeleton
 */
record ReferenceBlockers(List<ReferenceShot> used, List<ReferenceShot> withoutSkeleton) {

    static ReferenceBlockers of(Project project) {
        List<ReferenceShot> used = project.generationReferences(project.generation().referencesUsed());
        return new ReferenceBlockers(used, used.stream().filter(r -> !r.hasSkeleton()).toList());
    }

    boolean noneUsed() {
        return used.isEmpty();
    }

    boolean any() {
        return !withoutSkeleton.isEmpty();
    }

    /** Whether unticking the blockers leaves references to generate from. */
    boolean othersRemain() {
        return withoutSkeleton.size() < used.size();
    }

    /** Untick the blockers and use the rest of the references. */
    Project untick(Project project) {
        Project result = project;
        for (ReferenceShot shot : withoutSkeleton) {
            result = result.withReference(shot.withEnabled(false));
        }
        return result;
    }

    String message() {
        String names = withoutSkeleton.stream().map(r -> "\u2022 " + r.displayName() + " (" + r.imageFile() + ")")
                .collect(Collectors.joining("\n"));
        String what = withoutSkeleton.size() == 1 ? "This reference has" : "These " + withoutSkeleton.size()
                + " references have";
        String after = othersRemain()
                ? "Untick them to generate from the other " + (used.size() - withoutSkeleton.size()) + " reference(s)."
                : "No other reference is ticked, so unticking them leaves nothing to generate from.";
        return what + " no skeleton yet:\n" + names + "\n\nDetect the pose in the picture, place a skeleton by hand "
                + "(Pose \u25b8 Add person), or untick them. " + after;
    }
}
