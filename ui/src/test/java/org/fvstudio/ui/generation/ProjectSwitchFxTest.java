package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.fvstudio.cache.RenderCache;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.TimelineMarks;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.timeline.Transport;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioDialogs.UnsavedChoice;
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
import org.testfx.util.WaitForAsyncUtils;

/** Issue 21 items 6 and 7: what follows the open project when another one replaces it (New, Open). */
@ExtendWith(ApplicationExtension.class)
class ProjectSwitchFxTest {

    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    private BackgroundTasks tasks;
    private StudioWindow window;
    private StudioViewModel studio;
    private GenerationWorkspace generation;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
        studio = window.viewModel();
        generation = window.generation();
        studio.statusProperty().addListener((obs, old, now) -> statuses.add(now));
    }

    @AfterEach
    void stop() {
        generation.close();
        tasks.close();
    }

    @Test
    void fileNewSaysNothingAboutThePreviousProjectsImages() throws Exception {
        Path bundle = GenerationTestProjects.writeBundle(temp, "Walk", 2);
        for (int round = 0; round < 3; round++) {
            open(bundle);
            statuses.clear();
            fx(studio::newProject);
            awaitRefreshes();
            assertThat(statuses).as("status messages after File > New").noneMatch(s -> s.contains("missing"))
                    .noneMatch(s -> s.contains("Cannot tell"));
            assertThat(dialogs.problems).isEmpty();
        }
    }

    @Test
    void generateFollowsTheInOutRangeAndEachProjectKeepsItsOwnChoice(FxRobot robot) throws Exception {
        Path walk = GenerationTestProjects.writeBundle(temp, "Walk", 2);
        open(walk);
        assertThat(fx(() -> generation.rangeProperty().get())).isEqualTo(FrameRange.ALL);
        assertThat(fx(() -> generation.planProperty().get().count())).isEqualTo(16);

        // Setting in and out points makes Generate take them, and the panel says how many frames that is.
        Transport transport = window.timelineEditor().transport();
        fx(() -> {
            studio.currentFrameProperty().set(4);
            transport.setInPoint();
            studio.currentFrameProperty().set(9);
            transport.setOutPoint();
        });
        assertThat(fx(() -> generation.rangeProperty().get())).isEqualTo(FrameRange.IN_OUT);
        selectGenerateTab(robot);
        assertThat(robot.lookup("#generatePlan").queryAs(Label.class).getText())
                .startsWith("6 frames (4–9) · ");
        GenerationRequest request = fx(() -> generation.generate()).orElseThrow();
        assertThat(request.frames()).containsExactly(4, 5, 6, 7, 8, 9);
        fx(() -> generation.service().cancelRunning());
        waitUntil(() -> !generation.service().isBusy());

        // The artist picks a range and unlocks the seed for this project; a new project starts from the defaults.
        fx(() -> {
            generation.rangeProperty().set(FrameRange.CURRENT);
            generation.seedLockedProperty().set(false);
        });
        dialogs.unsavedAnswers.push(UnsavedChoice.DISCARD); // the in/out marks are not kept
        fx(studio::newProject);
        awaitRefreshes();
        assertThat(fx(() -> generation.rangeProperty().get())).isEqualTo(FrameRange.ALL);
        assertThat(fx(() -> generation.seedLockedProperty().get())).isTrue();

        // Back in the first project its choices are there again.
        open(walk);
        assertThat(fx(() -> generation.rangeProperty().get())).isEqualTo(FrameRange.CURRENT);
        assertThat(fx(() -> generation.seedLockedProperty().get())).isFalse();

        // A project saved with in/out marks opens with the in/out range.
        Path marked = GenerationTestProjects.writeBundle(temp.resolve("marked"), "Marked", 2);
        Project withMarks = new BundleProjectStorage().load(marked);
        new BundleProjectStorage().save(marked, withMarks.withTimeline(TimelineMarks.NONE.withRange(2, 5)));
        open(marked);
        assertThat(fx(() -> generation.rangeProperty().get())).isEqualTo(FrameRange.IN_OUT);
        assertThat(fx(() -> generation.framesOf(generation.rangeProperty().get()))).containsExactly(2, 3, 4, 5);
    }

    @Test
    void theFrameCountAndTheTimeAreShownBeforeGenerating(FxRobot robot) throws Exception {
        Path walk = GenerationTestProjects.writeBundle(temp, "Walk", 3);
        open(walk);
        selectGenerateTab(robot);
        Label plan = robot.lookup("#generatePlan").queryAs(Label.class);
        assertThat(plan.getText()).isEqualTo("16 frames (0–15) · time known after the first frame");

        fx(() -> generation.generate(FrameRange.CURRENT));
        waitUntil(() -> !generation.service().isBusy() && generation.results().at(0).isPresent());
        double perStep = fx(() -> generation.secondsPerStepProperty().get());
        assertThat(perStep).isPositive();
        GenerationPlan shown = fx(() -> generation.planProperty().get());
        assertThat(shown.eta()).isPresent();
        assertThat(shown.eta().get().toMillis()).isCloseTo(Math.round(16 * 3 * perStep * 1000), within(2L));
        assertThat(plan.getText()).matches("16 frames \\(0–15\\) · about \\d+:\\d\\d");
    }

    @Test
    void aReopenedProjectSaysItsCacheIsLoadingInsteadOfMissingOrStale() throws Exception {
        Path walk = GenerationTestProjects.writeBundle(temp, "Walk", 2);
        open(walk);
        fx(() -> generation.generate(FrameRange.ALL));
        waitUntil(() -> !generation.service().isBusy() && generation.results().frames().size() == 16);
        fx(studio::newProject);
        awaitRefreshes();

        GeneratedStrip strip = (GeneratedStrip) window.stage().getScene().lookup("#generatedStrip");
        List<String> whileLoading = new CopyOnWriteArrayList<>();
        fx(() -> generation.results().loadingProperty().addListener((obs, old, loading) -> {
            if (loading) {
                whileLoading.add(strip.describe(3));
                whileLoading.add(window.results().lookup("#resultInfo") instanceof Label info ? info.getText() : "");
                whileLoading.add(generation.generate(FrameRange.STALE).isPresent() ? "queued" : "not queued");
                whileLoading.add(studio.statusProperty().get());
            }
        }));
        open(walk);

        assertThat(whileLoading).hasSize(4);
        assertThat(whileLoading.get(0)).isEqualTo("Frame 3: Loading the render cache…");
        assertThat(whileLoading.get(1)).startsWith("Frame 0: Loading the render cache");
        assertThat(whileLoading.get(2)).isEqualTo("not queued");
        assertThat(whileLoading.get(3)).contains("once the render cache is read");
        // Once read: every frame is back, none stale, nothing queued.
        assertThat(fx(() -> generation.results().isLoading())).isFalse();
        assertThat(fx(() -> generation.results().frames().size())).isEqualTo(16);
        assertThat(fx(() -> List.copyOf(generation.results().stale()))).isEmpty();
        assertThat(fx(() -> generation.framesOf(FrameRange.STALE))).isEmpty();
        assertThat(fx(() -> generation.service().isBusy())).isFalse();
    }

    @Test
    void aNewProjectExportsWhereTheUserLooksNotIntoTheHiddenScratchFolder() throws Exception {
        fx(studio::newProject);
        Path suggested = fx(window::suggestedExportFolder);
        assertThat(suggested).isDirectory();
        assertThat(suggested.startsWith(studio.home().root())).as("%s inside %s", suggested, studio.home().root()).isFalse();
        assertThat(suggested.toString()).doesNotContain("/.");

        Path walk = GenerationTestProjects.writeBundle(temp, "Walk", 2);
        open(walk);
        assertThat(fx(window::suggestedExportFolder)).isEqualTo(walk.getParent());
    }

    @Test
    void aProjectOpenInAnotherFvStudioIsSaidSo() throws Exception {
        Path walk = GenerationTestProjects.writeBundle(temp, "Walk", 2);
        try (RenderCache elsewhere = RenderCache.open(walk.resolve("cache"), RenderCache.DEFAULT_SIZE_LIMIT)) {
            assertThat(elsewhere.openElsewhere()).isFalse();
            open(walk);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(statuses).contains(GenerationWorkspace.OPEN_ELSEWHERE);
        }
        fx(studio::newProject);
        awaitRefreshes();
        statuses.clear();
        open(walk);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statuses).as("once the other has closed it").doesNotContain(GenerationWorkspace.OPEN_ELSEWHERE);
    }

    private void selectGenerateTab(FxRobot robot) {
        fx(() -> {
            TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
            side.getTabs().stream().filter(t -> "generationTab".equals(t.getId())).findFirst()
                    .ifPresent(t -> side.getSelectionModel().select(t));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(condition));
    }

    private void open(Path bundle) throws Exception {
        fx(() -> studio.open(bundle));
        awaitJobs(tasks);
        awaitRefreshes();
        assertThat(studio.project().references()).isNotEmpty();
    }

    private void awaitRefreshes() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() ->
                generation.refreshesAppliedProperty().get() >= generation.refreshesRequestedProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
