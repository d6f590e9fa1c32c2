package org.fvstudio.ui.edit;

import java.util.Objects;
import java.util.Optional;

import org.fvstudio.project.Project;

/**
 * An edit that swaps whole project values. Used for changes that touch several parts at once
 * (importing a pose sequence replaces the target track and grows the frame count). Because the
 * history is linear, the project an edit is reverted on is always the one it produced.
 * <p>
 * Snapshots of one gesture carry the same non-null {@code mergeKey}: consecutive ones merge into one step
 * from the first {@code before} to the last {@code after} (one joint drag, one keyframe drag = one undo).
 */
public record SnapshotEdit(String description, String mergeKey, Project before, Project after) implements Edit {

    public SnapshotEdit {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** A snapshot that stands alone (never merges). */
    public SnapshotEdit(String description, Project before, Project after) {
        this(description, null, before, after);
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
        if (mergeKey != null && next instanceof SnapshotEdit other && mergeKey.equals(other.mergeKey)) {
            return Optional.of(new SnapshotEdit(description, mergeKey, before, other.after));
        }
        return Optional.empty();
    }
}
