package org.fvstudio.ui.extraction;

import java.util.Objects;

import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.edit.Edit;

/** Replaces a reference's pose with a detected one; undo puts the previous pose back. */
public record DetectedPoseEdit(String referenceId, Pose before, Pose after, int people) implements Edit {

    public DetectedPoseEdit {
        Objects.requireNonNull(referenceId, "referenceId");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    @Override
    public String description() {
        return "Detect pose (" + people + (people == 1 ? " person)" : " people)");
    }

    @Override
    public Project apply(Project project) {
        return project.withReference(reference(project).withPose(after));
    }

    @Override
    public Project revert(Project project) {
        return project.withReference(reference(project).withPose(before));
    }

    private ReferenceShot reference(Project project) {
        return project.reference(referenceId)
                .orElseThrow(() -> new IllegalStateException("reference " + referenceId + " is gone"));
    }
}
