package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.generation.GenerationEndToEndTest.awaitRefresh;
import static org.fvstudio.ui.generation.GenerationEndToEndTest.waitUntil;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The FX thread stays responsive while a job runs; the queue is visible and editable; cancel keeps done frames. */
@ExtendWith(ApplicationExtension.class)
class GenerationQueueFxTest {

    @TempDir
    static Path temp;

    private BackgroundTasks tasks;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, new ScriptedDialogs());
    }

    @AfterEach
    void stop() {
        window.generation().close();
        tasks.close();
    }

    @Test
    void fxThreadAnswersWhileGeneratingAndCancelKeepsFinishedFrames(FxRobot robot) throws Exception {
        StudioViewModel studio = window.viewModel();
        GenerationWorkspace generation = window.generation();
        // Enough steps that the first request is still running while the FX thread is probed (contract-mini's
        // graphs cost almost nothing, so a step is mostly Java work, which got faster).
        Path bundle = GenerationTestProjects.writeBundle(temp.resolve("queue"), "Queue", 400);
        fx(() -> studio.open(bundle));
        awaitJobs(tasks);
        awaitRefresh(generation);

        GenerationRequest first = fx(() -> generation.generate(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)));
        GenerationRequest second = fx(() -> generation.generate(List.of(12, 13)));
        GenerationRequest third = fx(() -> generation.generate(List.of(14, 15)));
        assertThat(fx(() -> List.copyOf(generation.service().queue()))).containsExactly(second, third);
        assertThat(robot.lookup("#generationQueue").queryListView().getItems()).hasSize(2);

        // While the first request runs, the FX thread answers every probe within 100 ms.
        waitUntil(30, () -> fx(() -> generation.service().progressTextProperty().get().startsWith("frame")));
        List<Long> latencies = new ArrayList<>();
        String progress = null;
        for (int i = 0; i < 30 && fx(() -> generation.service().runningProperty().get() == first); i++) {
            long start = System.nanoTime();
            CompletableFuture<Void> answered = new CompletableFuture<>();
            Platform.runLater(() -> answered.complete(null));
            answered.get(5, TimeUnit.SECONDS);
            latencies.add((System.nanoTime() - start) / 1_000_000);
            String seen = fx(() -> generation.service().runningProperty().get() == first
                    ? generation.service().progressTextProperty().get() : null);
            progress = seen != null ? seen : progress;
            Thread.sleep(20);
        }
        assertThat(latencies).hasSizeGreaterThan(5).allSatisfy(ms -> assertThat(ms).isLessThan(100L));
        assertThat(progress).matches("frame \\d+/12 · step \\d+/400( · ETA \\d+:\\d\\d)?");
        assertThat(robot.lookup("#generationStatus").query().isVisible()).isTrue();

        // Remove the waiting third request, cancel the running one: the second then runs to its end.
        fx(() -> generation.service().remove(third));
        assertThat(fx(() -> List.copyOf(generation.service().queue()))).containsExactly(second);
        waitUntil(60, () -> fx(() -> !generation.results().frames().isEmpty()));
        fx(() -> generation.service().cancelRunning());
        waitUntil(60, () -> fx(() -> !generation.service().isBusy()));

        List<Integer> done = fx(() -> List.copyOf(new java.util.TreeSet<>(generation.results().frames().keySet())));
        assertThat(done).contains(12, 13).doesNotContain(14, 15);
        List<Integer> fromFirst = done.stream().filter(f -> f < 12).toList();
        assertThat(fromFirst).isNotEmpty().hasSizeLessThan(12);
        // Frames are finished in order, so what was kept is a prefix of the request.
        assertThat(fromFirst).isEqualTo(first.frames().subList(0, fromFirst.size()));
        assertThat(first.isCancelled()).isTrue();
        assertThat(fx(() -> generation.framesOf(FrameRange.STALE))).doesNotContainAnyElementsOf(done);
    }
}
