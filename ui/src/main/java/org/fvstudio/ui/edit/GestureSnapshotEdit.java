package org.fvstudio.ui.edit;

import java.util.Objects;
import java.util.Optional;

import org.fvstudio.project.Project;

/**
 * A whole-project swap that belongs to a gesture: consecutive edits with the same non-null
 * {@code mergeKey} inside one gesture merge into one step from the first {@code before} to the last
 * {@code after} (one joint drag, one keyframe drag = one undo).
 */
public record GestureSnapshotEdit(String description, String mergeKey, Project before, Project after) implements Edit {

    public GestureSnapshotEdit {
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

    @Override
    public Optional<Edit> mergeWith(Edit next) {
        if (mergeKey != null && next instanceof GestureSnapshotEdit other && mergeKey.equals(other.mergeKey)) {
            return Optional.of(new GestureSnapshotEdit(description, mergeKey, before, other.after));
        }
        return Optional.empty();
    }
}
