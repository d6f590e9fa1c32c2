package org.fvstudio.ui.edit;

import java.util.Optional;

import org.fvstudio.project.Project;

/**
 * One undoable change to the project. Projects are immutable values, so an edit maps a project to
 * its changed version and back; {@link #revert} applied to the result of {@link #apply} must give
 * the original project (equal by value).
 */
public interface Edit {

    /** What the change does, for the Edit menu ("Undo Rename reference"). */
    String description();

    Project apply(Project project);

    Project revert(Project project);

    /**
     * Merges {@code next}, which directly followed this edit within one continuous gesture (a drag,
     * a spinner held down), into a single edit; empty when the two edits do not belong together.
     */
    default Optional<Edit> mergeWith(Edit next) {
        return Optional.empty();
    }
}
