package org.fvstudio.ui.edit;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/** Appends imported reference shots to the reference bin. */
public record AddReferencesEdit(List<ReferenceShot> added) implements Edit {

    public AddReferencesEdit {
        added = List.copyOf(added);
        if (added.isEmpty()) {
            throw new IllegalArgumentException("nothing to add");
        }
    }

    @Override
    public String description() {
        return added.size() == 1 ? "Import reference " + added.get(0).name() : "Import " + added.size() + " references";
    }

    @Override
    public Project apply(Project project) {
        List<ReferenceShot> references = new ArrayList<>(project.references());
        references.addAll(added);
        return project.withReferences(references);
    }

    @Override
    public Project revert(Project project) {
        List<String> ids = added.stream().map(ReferenceShot::id).toList();
        return project.withReferences(project.references().stream().filter(r -> !ids.contains(r.id())).toList());
    }
}
