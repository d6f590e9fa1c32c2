package org.fvstudio.ui.document;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.fvstudio.project.Project;
import org.fvstudio.ui.edit.Edit;
import org.fvstudio.ui.edit.EditHistory;

/**
 * The project open in the studio: its current value, where it lives on disk, its edit history and
 * whether it differs from what was last saved. Only the FX thread touches it; background jobs work
 * on the immutable {@link Project} snapshot they were given.
 */
public final class ProjectDocument {

    private static final int HISTORY_LIMIT = 500;

    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    private final ObjectProperty<ProjectLocation> location = new SimpleObjectProperty<>(this, "location");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final LongProperty savedRevision = new SimpleLongProperty(this, "savedRevision");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final StringProperty undoText = new SimpleStringProperty(this, "undoText", "Undo");
    private final StringProperty redoText = new SimpleStringProperty(this, "redoText", "Redo");
    private final BooleanBinding dirty = Bindings.notEqual(revision, savedRevision);
    private final LongProperty replacements = new SimpleLongProperty(this, "replacements");
    private final EditHistory history;
    private boolean replacing;

    public ProjectDocument(Project initial, ProjectLocation initialLocation) {
        project.set(initial);
        location.set(initialLocation);
        history = new EditHistory(project::get, project::set, HISTORY_LIMIT);
        history.setListener(this::historyChanged);
        historyChanged();
        savedRevision.set(history.revision());
    }

    /** Replaces the whole document (New, Open): a fresh history, nothing unsaved unless {@code dirty}. */
    public void replace(Project newProject, ProjectLocation newLocation, boolean dirtyFromStart) {
        replacing = true;
        try {
            // Location first: views that react to the new project read its images from the new folder.
            location.set(newLocation);
            project.set(newProject);
            history.clear();
            savedRevision.set(dirtyFromStart ? -1 : history.revision());
        } finally {
            replacing = false;
        }
        replacements.set(replacements.get() + 1);
    }

    /**
     * True inside {@link #replace}: between the location and the project changing, the two do not belong
     * together, so work that needs both waits for {@link #replacementsProperty()}.
     */
    public boolean isReplacing() {
        return replacing;
    }

    /** Counts New / Open; changes once the new project and its location are both in. */
    public ReadOnlyLongProperty replacementsProperty() {
        return replacements;
    }

    /** Applies an edit through the history; throws IllegalArgumentException when the new value is invalid. */
    public void execute(Edit edit) {
        history.execute(edit);
    }

    public void undo() {
        history.undo();
    }

    public void redo() {
        history.redo();
    }

    public EditHistory history() {
        return history;
    }

    /** Records that {@code savedValueRevision} is now on disk at {@code savedTo}. */
    public void markSaved(long savedValueRevision, ProjectLocation savedTo) {
        location.set(savedTo);
        savedRevision.set(savedValueRevision);
    }

    private void historyChanged() {
        revision.set(history.revision());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoText.set(history.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(history.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
    }

    public Project project() {
        return project.get();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    public ProjectLocation location() {
        return location.get();
    }

    public ReadOnlyObjectProperty<ProjectLocation> locationProperty() {
        return location;
    }

    public Path bundleFolder() {
        return location.get().folder();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public long revision() {
        return revision.get();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }

    public StringProperty redoTextProperty() {
        return redoText;
    }
}
