package org.fvstudio.ui.edit;

import java.util.Objects;

import org.fvstudio.project.Project;

/**
 * An edit that swaps whole project values. Used for changes that touch several parts at once
 * (importing a pose sequence replaces the target track and grows the frame count). Because the
 * history is linear, the project an edit is reverted on is always the one it produced.
 */
public record SnapshotEdit(String description, Project before, Project after) implements Edit {

    public SnapshotEdit {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    @Override
    public Project apply(Project project) {
        return after;
    }

    @Override
    public Project revert(Project project) {
        return before;
    }
}
