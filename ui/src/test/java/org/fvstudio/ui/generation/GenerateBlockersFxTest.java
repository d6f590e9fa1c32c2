package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioDialogs.ReferenceFix;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 21 item 3: Generate names every reference without a skeleton at once and offers the fixes. */
@ExtendWith(ApplicationExtension.class)
class GenerateBlockersFxTest {

    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;
    private StudioViewModel studio;
    private List<ReferenceShot> stripped;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
        studio = window.viewModel();
    }

    @BeforeEach
    void sampleWithTwoSkeletonsRemoved() throws Exception {
        Path copy = StudioFixture.copySample(temp.resolve("work"));
        fx(() -> studio.open(copy));
        awaitJobs(tasks);
        Project before = studio.project();
        assertThat(before.enabledReferences()).hasSizeGreaterThanOrEqualTo(3).allMatch(ReferenceShot::hasSkeleton);
        stripped = before.enabledReferences().subList(0, 2);
        Project after = before;
        for (ReferenceShot shot : stripped) {
            after = after.withReference(shot.withPose(Pose.empty(shot.pose().canvasWidth(), shot.pose().canvasHeight())));
        }
        Project edited = after;
        fx(() -> studio.edit(new SnapshotEdit("Remove two skeletons", before, edited)));
    }

    @AfterEach
    void stop() {
        window.generation().close();
        tasks.close();
    }

    @Test
    void everyReferenceAtFaultIsNamedInOneQuestionAndCancelQueuesNothing() {
        dialogs.referenceFixAnswer = ReferenceFix.CANCEL;
        Optional<GenerationRequest> request = fx(() -> window.generation().generate(FrameRange.CURRENT));

        assertThat(request).isEmpty();
        assertThat(fx(() -> window.generation().service().isBusy())).isFalse();
        assertThat(dialogs.referenceFixQuestions).singleElement().asString()
                .contains(stripped.get(0).displayName(), stripped.get(1).displayName(), "no skeleton yet",
                        stripped.get(0).imageFile());
        assertThat(dialogs.referenceFixOffers.get(0)).contains(ReferenceFix.PLACE_SKELETON, ReferenceFix.UNTICK);
    }

    @Test
    void untickDisablesThemInOneUndoableEditAndGeneratesFromTheRest() throws Exception {
        dialogs.referenceFixAnswer = ReferenceFix.UNTICK;
        Optional<GenerationRequest> request = fx(() -> window.generation().generate(FrameRange.CURRENT));

        assertThat(request).isPresent();
        for (ReferenceShot shot : stripped) {
            assertThat(studio.project().reference(shot.id()).orElseThrow().enabled()).isFalse();
        }
        GenerationEndToEndTest.waitUntil(240, () -> fx(() -> !window.generation().service().isBusy()));
        assertThat(fx(() -> window.generation().results().at(0))).isPresent();
        assertThat(dialogs.problems).isEmpty();

        fx(studio::undo);
        for (ReferenceShot shot : stripped) {
            assertThat(studio.project().reference(shot.id()).orElseThrow().enabled()).isTrue();
        }
    }

    @Test
    void placeSkeletonShowsTheFirstOneInTheEditor(FxRobot robot) {
        dialogs.referenceFixAnswer = ReferenceFix.PLACE_SKELETON;
        fx(window::showResults);
        assertThat(fx(() -> window.generation().generate(FrameRange.CURRENT))).isEmpty();

        assertThat(studio.selectedReferenceIdProperty().get()).isEqualTo(stripped.get(0).id());
        assertThat(studio.viewerModeProperty().get()).isEqualTo(ViewerMode.REFERENCE);
        assertThat(fx(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .anyMatch(tabs -> "editorTab".equals(tabs.getSelectionModel().getSelectedItem().getId())))).isTrue();
        assertThat(studio.statusProperty().get()).contains("Place the skeleton of " + stripped.get(0).displayName());
    }
}
