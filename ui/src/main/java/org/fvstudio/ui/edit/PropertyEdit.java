package org.fvstudio.ui.edit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import org.fvstudio.project.Project;

/**
 * Sets one value of the project from {@code before} to {@code after}. Two property edits with the
 * same {@code key} merge into one that goes from the first {@code before} to the last {@code after},
 * which is how a drag becomes a single undo step.
 *
 * @param key    identifies the property (and the object it belongs to, e.g. {@code "reference.name:ref-1"})
 * @param setter writes a value into a project
 */
public record PropertyEdit<T>(String description, String key, BiFunction<Project, T, Project> setter,
                              T before, T after) implements Edit {

    public PropertyEdit {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(setter, "setter");
    }

    @Override
    public Project apply(Project project) {
        return setter.apply(project, after);
    }

    @Override
    public Project revert(Project project) {
        return setter.apply(project, before);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Edit> mergeWith(Edit next) {
        if (next instanceof PropertyEdit<?> other && other.key.equals(key)) {
            PropertyEdit<T> same = (PropertyEdit<T>) other;
            return Optional.of(new PropertyEdit<>(description, key, setter, before, same.after));
        }
        return Optional.empty();
    }
}
