package org.fvstudio.ui.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.fvstudio.project.Project;

/**
 * The linear undo/redo history of a document. It does not own the project: it reads the current
 * value from {@code current} and hands every new value to {@code publish}, so views keep listening
 * to the document alone.
 * <p>
 * A gesture (a drag, a held spinner) opens with {@link #beginGesture()} and closes with
 * {@link #endGesture()}; edits executed in between merge into one entry when they allow it.
 * The revision counts every change (execute, undo, redo) and never repeats, so a saved revision
 * identifies the saved state exactly.
 */
public final class EditHistory {

    private final Supplier<Project> current;
    private final Consumer<Project> publish;
    private final int limit;
    private final Deque<Edit> undoStack = new ArrayDeque<>();
    private final Deque<Edit> redoStack = new ArrayDeque<>();
    private final Deque<Long> undoRevisions = new ArrayDeque<>();
    private final Deque<Long> redoRevisions = new ArrayDeque<>();
    private long revision;
    private long nextRevision = 1;
    private boolean gestureOpen;
    private boolean gestureHasEdit;
    private Runnable listener = () -> { };

    public EditHistory(Supplier<Project> current, Consumer<Project> publish, int limit) {
        this.current = current;
        this.publish = publish;
        this.limit = limit;
    }

    /** Called after every change of the history (for menu states and the dirty flag). */
    public void setListener(Runnable listener) {
        this.listener = listener == null ? () -> { } : listener;
    }

    /** Applies {@code edit} to the current project and records it. */
    public void execute(Edit edit) {
        Project before = current.get();
        Project after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        redoStack.clear();
        redoRevisions.clear();
        Optional<Edit> merged = gestureOpen && gestureHasEdit && !undoStack.isEmpty()
                ? undoStack.peek().mergeWith(edit) : Optional.empty();
        if (merged.isPresent()) {
            undoStack.pop();
            undoStack.push(merged.get());
        } else {
            undoStack.push(edit);
            undoRevisions.push(revision);
            while (undoStack.size() > limit) {
                undoStack.removeLast();
                undoRevisions.removeLast();
            }
        }
        gestureHasEdit = gestureOpen;
        revision = nextRevision++;
        publish.accept(after);
        listener.run();
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undoStack.peek()).map(Edit::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redoStack.peek()).map(Edit::description);
    }

    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        endGesture();
        Edit edit = undoStack.pop();
        long restored = undoRevisions.pop();
        redoStack.push(edit);
        redoRevisions.push(revision);
        revision = restored;
        publish.accept(edit.revert(current.get()));
        listener.run();
    }

    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        endGesture();
        Edit edit = redoStack.pop();
        long restored = redoRevisions.pop();
        undoStack.push(edit);
        undoRevisions.push(revision);
        revision = restored;
        publish.accept(edit.apply(current.get()));
        listener.run();
    }

    /** Edits from now until {@link #endGesture()} merge where they allow it. */
    public void beginGesture() {
        gestureOpen = true;
        gestureHasEdit = false;
    }

    public void endGesture() {
        gestureOpen = false;
        gestureHasEdit = false;
    }

    /** Forgets everything (a newly opened project). */
    public void clear() {
        undoStack.clear();
        redoStack.clear();
        undoRevisions.clear();
        redoRevisions.clear();
        endGesture();
        revision = nextRevision++;
        listener.run();
    }

    /** Identifies the current state: equal revisions mean equal projects along this history. */
    public long revision() {
        return revision;
    }

    public int undoCount() {
        return undoStack.size();
    }

    public int redoCount() {
        return redoStack.size();
    }
}
