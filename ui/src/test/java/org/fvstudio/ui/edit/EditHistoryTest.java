package org.fvstudio.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.fvstudio.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    private final AtomicReference<Project> current = new AtomicReference<>();
    private EditHistory history;

    @BeforeEach
    void setUp() {
        current.set(Project.createNew("Walk"));
        history = new EditHistory(current::get, current::set, 3);
    }

    @Test
    void undoAndRedoRestoreTheExactProjects() {
        Project original = current.get();
        history.execute(ProjectEdits.renameProject(current.get(), "Run"));
        history.execute(ProjectEdits.setFps(current.get(), 30));
        Project edited = current.get();
        assertThat(edited.name()).isEqualTo("Run");
        assertThat(edited.fps()).isEqualTo(30);

        history.undo();
        assertThat(current.get().fps()).isEqualTo(24);
        assertThat(current.get().name()).isEqualTo("Run");
        history.undo();
        assertThat(current.get()).isEqualTo(original);
        assertThat(history.canUndo()).isFalse();

        history.redo();
        history.redo();
        assertThat(current.get()).isEqualTo(edited);
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void aGestureMergesIntoOneUndoStep() {
        history.beginGesture();
        for (int frames = 49; frames <= 60; frames++) {
            history.execute(ProjectEdits.setFrameCount(current.get(), frames));
        }
        history.endGesture();

        assertThat(history.undoCount()).isEqualTo(1);
        assertThat(current.get().frameCount()).isEqualTo(60);
        history.undo();
        assertThat(current.get().frameCount()).isEqualTo(48);
        history.redo();
        assertThat(current.get().frameCount()).isEqualTo(60);
    }

    @Test
    void editsOutsideAGestureOrOfAnotherPropertyStaySeparate() {
        history.execute(ProjectEdits.setFrameCount(current.get(), 50));
        history.execute(ProjectEdits.setFrameCount(current.get(), 51));
        history.beginGesture();
        history.execute(ProjectEdits.setFps(current.get(), 25));
        history.execute(ProjectEdits.setFrameCount(current.get(), 52));
        history.endGesture();

        assertThat(history.undoCount()).isEqualTo(3 /* limit */);
        history.undo();
        assertThat(current.get().frameCount()).isEqualTo(51);
        assertThat(current.get().fps()).isEqualTo(25);
    }

    @Test
    void aNewEditClearsRedoAndANoOpIsNotRecorded() {
        history.execute(ProjectEdits.renameProject(current.get(), "Run"));
        history.undo();
        assertThat(history.canRedo()).isTrue();
        history.execute(ProjectEdits.renameProject(current.get(), "Jump"));
        assertThat(history.canRedo()).isFalse();

        long revision = history.revision();
        history.execute(ProjectEdits.renameProject(current.get(), "Jump"));
        assertThat(history.revision()).isEqualTo(revision);
        assertThat(history.undoCount()).isEqualTo(1);
    }

    @Test
    void undoReturnsToTheRevisionOfTheEarlierState() {
        long start = history.revision();
        history.execute(ProjectEdits.renameProject(current.get(), "Run"));
        long afterRename = history.revision();
        assertThat(afterRename).isNotEqualTo(start);

        history.undo();
        assertThat(history.revision()).isEqualTo(start);
        history.redo();
        assertThat(history.revision()).isEqualTo(afterRename);
        history.undo();
        history.execute(ProjectEdits.renameProject(current.get(), "Other"));
        assertThat(history.revision()).isNotIn(start, afterRename);
    }

    @Test
    void anInvalidValueThrowsAndLeavesTheProjectAlone() {
        Project before = current.get();
        try {
            history.execute(ProjectEdits.setFps(current.get(), -3));
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageContaining("fps");
        }
        assertThat(current.get()).isEqualTo(before);
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void descriptionsNameTheChange() {
        history.execute(ProjectEdits.setCanvasWidth(current.get(), 768));
        assertThat(history.undoDescription()).contains("Change canvas width");
        history.undo();
        assertThat(history.redoDescription()).contains("Change canvas width");
    }
}
