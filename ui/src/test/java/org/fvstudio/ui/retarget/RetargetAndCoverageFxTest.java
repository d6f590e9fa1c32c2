package org.fvstudio.ui.retarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import org.fvstudio.coverage.CoverageAdvice;
import org.fvstudio.project.Project;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Pose ▸ Retarget motion and the coverage panel in the studio window, on a copy of the bundled sample. */
@ExtendWith(ApplicationExtension.class)
class RetargetAndCoverageFxTest {

    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;
    private StudioViewModel studio;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
        studio = window.viewModel();
    }

    @BeforeEach
    void openSample() {
        Path copy = StudioFixture.copySample(temp.resolve("work"));
        fx(() -> studio.open(copy));
        awaitJobs(tasks);
    }

    @AfterEach
    void stop() {
        window.generation().close();
        tasks.close();
    }

    @Test
    void retargetIsOneUndoableEditThatTheTimelineShowsAndRestoreBringsTheOriginalBack() {
        Project before = fx(() -> studio.project());
        assertThat(menuItem("menuRetarget").isDisable()).isFalse();
        assertThat(menuItem("menuRestoreMotion").isDisable()).isTrue();

        RetargetOptions options = new RetargetOptions(1, RetargetOptions.Height.CHARACTER);
        fx(() -> new RetargetMotion(studio).retarget(options));
        awaitJobs(tasks);
        assertThat(dialogs.problems).isEmpty();
        Project after = fx(() -> studio.project());
        assertThat(after.retarget().options()).isEqualTo(options);
        assertThat(after.retarget().original()).isEqualTo(before.target());
        assertThat(after.target().equals(before.target())).isFalse();
        assertThat(fx(() -> studio.statusProperty().get())).startsWith("Motion retargeted 48 keyframes");
        assertThat(fx(() -> ((Label) window.stage().getScene().lookup("#targetSummary")).getText()))
                .contains("Retargeted to the character (strength 100 %, the character's height)");
        assertThat(menuItem("menuRestoreMotion").isDisable()).isFalse();
        assertThat(RetargetMotion.startingOptions(after)).isEqualTo(options);

        fx(() -> studio.undo());
        assertThat(fx(() -> studio.project())).isSameAs(before);
        fx(() -> studio.redo());
        fx(() -> new RetargetMotion(studio).restoreOriginal());
        assertThat(fx(() -> studio.project().retarget())).isNull();
        assertThat(fx(() -> studio.project().target())).isEqualTo(before.target());
    }

    @Test
    void theAdviceNamesTheBackWhenOnlyTheFrontShotIsEnabledAndAClickGoesToItsFrames() throws Exception {
        Project before = fx(() -> studio.project());
        Project frontOnly = before.withReferences(before.references().stream()
                .map(r -> r.withEnabled(r.id().equals("ref-1"))).toList());
        fx(() -> studio.edit(new SnapshotEdit("Only the close-up", before, frontOnly)));
        @SuppressWarnings("unchecked")
        ListView<CoverageAdvice> advice = fx(() -> (ListView<CoverageAdvice>) window.stage().getScene().lookup("#coverageAdvice"));
        CoverageAdvice back = null;
        for (int attempt = 0; attempt < 50 && back == null; attempt++) {
            Thread.sleep(100);
            awaitJobs(tasks);
            back = fx(() -> advice.getItems().stream().filter(a -> a.message().contains("the back of the body"))
                    .findFirst().orElse(null));
        }
        assertThat(back).as("advice naming the back").isNotNull();
        CoverageAdvice chosen = back;
        fx(() -> advice.getSelectionModel().select(chosen));
        assertThat(fx(() -> studio.currentFrameProperty().get())).isEqualTo(43);
        assertThat(fx(() -> studio.statusProperty().get())).contains("frames 43-47", "a shot from behind");
    }

    private MenuItem menuItem(String id) {
        return fx(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menuBar");
            return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                    .findFirst().orElseThrow();
        });
    }
}
