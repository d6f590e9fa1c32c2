package org.fvstudio.ui.edit;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/** Takes a reference out of the bin; undo puts it back at the same position. */
public record RemoveReferenceEdit(ReferenceShot removed, int index) implements Edit {

    public static RemoveReferenceEdit of(Project project, String referenceId) {
        List<ReferenceShot> references = project.references();
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).id().equals(referenceId)) {
                return new RemoveReferenceEdit(references.get(i), i);
            }
        }
        throw new IllegalArgumentException("no reference with id " + referenceId);
    }

    @Override
    public String description() {
        return "Remove reference " + removed.name();
    }

    @Override
    public Project apply(Project project) {
        return project.withReferences(project.references().stream().filter(r -> !r.id().equals(removed.id())).toList());
    }

    @Override
    public Project revert(Project project) {
        List<ReferenceShot> references = new ArrayList<>(project.references());
        references.add(Math.min(index, references.size()), removed);
        return project.withReferences(references);
    }
}
