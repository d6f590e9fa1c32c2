package org.fvstudio.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.task.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window that is gone stops its timers, and a job asked for after the studio closed ends as cancelled. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowLifecycleFxTest {

    @TempDir
    Path temp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aWindowWhoseStageShowsAnotherSceneStopsAutosaving() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks();
        StudioWindow first = fx(() -> StudioFixture.shownWindow(stage, tasks, temp.resolve("a"), new ScriptedDialogs()));
        assertThat(fx(first::isAutosaving)).isTrue();

        StudioWindow second = fx(() -> StudioFixture.shownWindow(stage, tasks, temp.resolve("b"), new ScriptedDialogs()));
        assertThat(fx(first::isAutosaving)).isFalse();
        assertThat(fx(second::isAutosaving)).isTrue();

        first.generation().close();
        second.generation().close();
        tasks.close();
        CompletableFuture<Outcome<String>> outcome = new CompletableFuture<>();
        fx(() -> tasks.submit("Late job", ctx -> "ran", outcome::complete));
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(Outcome.Cancelled.class);
    }
}
