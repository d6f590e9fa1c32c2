package org.fvstudio.ui.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.fvstudio.inference.dwpose.VideoExtractionOptions;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Detect pose and Extract poses from video in the real window, headless, with the stand-in DWPose models. */
@ExtendWith(ApplicationExtension.class)
class ExtractionWindowFxTest {

    @TempDir
    static Path temp;

    private final BackgroundTasks tasks = new BackgroundTasks();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedVideoDialogs videoDialogs = new ScriptedVideoDialogs();
    private StudioWindow window;
    private ExtractionFeature feature;
    private Path folder;

    /** Answers File › Extract poses from video… from a script. */
    static final class ScriptedVideoDialogs implements ExtractionDialogs {
        final Deque<Path> videos = new ArrayDeque<>();
        final Deque<VideoExtractionOptions> options = new ArrayDeque<>();
        final List<Path> askedAbout = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Path> chooseVideo() {
            return Optional.ofNullable(videos.poll());
        }

        @Override
        public Optional<VideoExtractionOptions> askVideoOptions(Path video) {
            askedAbout.add(video);
            return Optional.ofNullable(options.poll());
        }
    }

    @Start
    void start(Stage stage) {
        folder = temp.resolve(UUID.randomUUID().toString());
        window = StudioFixture.window(stage, StudioFixture.viewModel(tasks, folder, dialogs));
        feature = ExtractionFeature.install(window, DwposeTestData::settings, videoDialogs);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        awaitIdle();
        tasks.close();
        FxToolkit.cleanupStages();
    }

    private void awaitIdle() {
        ExtractionWaits.awaitStopped(tasks, feature.extraction());
    }

    private String importFrame30() {
        Path image = copyResource("images/pose2sim_cam03_frame30.jpg", folder.resolve("in"));
        fx(() -> window.viewModel().importReferenceFiles(List.of(image)));
        awaitJobs(tasks);
        return window.viewModel().project().references().get(0).id();
    }

    private Menu menu(String id) {
        return fx(() -> window.menuBar().getMenus().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow());
    }

    @Test
    void theCommandsSitInThePoseAndFileMenus() {
        Menu pose = menu("menuPose");
        MenuItem detect = pose.getItems().get(0);
        assertThat(detect.getId()).isEqualTo("menuDetectPose");
        assertThat(detect.getAccelerator()).isEqualTo(ExtractionFeature.DETECT_KEYS);
        assertThat(detect.isDisable()).as("nothing selected yet").isTrue();
        assertThat(pose.getItems().get(1).getId()).isEqualTo("menuCancelExtraction");
        assertThat(pose.getItems()).extracting(MenuItem::getId).contains("menuAddPerson");

        List<String> file = fx(() -> menu("fileMenu").getItems().stream().map(MenuItem::getId).toList());
        int video = file.indexOf("menuExtractVideo");
        assertThat(video).isPositive();
        assertThat(file.subList(0, video)).contains("menuImportReferences", "menuImportPoseFiles", "menuImportPoseFolder");
    }

    @Test
    void ctrlShiftDDetectsThePoseOfTheSelectedReferenceShowsItAndOneUndoRemovesIt(FxRobot robot) {
        String id = importFrame30();
        assertThat(window.viewModel().selectedReferenceIdProperty().get()).isEqualTo(id);
        assertThat(fx(() -> menu("menuPose").getItems().get(0).isDisable())).isFalse();

        robot.clickOn("#referenceList");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitIdle();

        Pose detected = window.viewModel().project().reference(id).orElseThrow().pose();
        assertThat(detected.people()).hasSize(2);
        assertThat(window.viewModel().viewerModeProperty().get()).isEqualTo(ViewerMode.REFERENCE);
        // The skeleton editor edits what the viewer shows: the detected people of the reference.
        assertThat(fx(() -> window.skeletonEditor().people())).isEqualTo(detected.people());
        Label device = robot.lookup("#extractionDevice").queryAs(Label.class);
        assertThat(device.getText()).startsWith("DWPose: detector CPU, estimator CPU");
        assertThat(device.isVisible()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().project().reference(id).orElseThrow().pose().people()).isEmpty();
        assertThat(window.viewModel().project().references()).hasSize(1);
    }

    @Test
    void theReferenceBinContextMenuOffersDetectPose(FxRobot robot) {
        String id = importFrame30();

        // Headless Monocle opens no popup on a right click, so the cell's own context menu item is fired.
        ListCell<?> cell = robot.lookup("#referenceList .list-cell").match(c -> ((ListCell<?>) c).getItem() != null)
                .queryAs(ListCell.class);
        MenuItem detect = fx(() -> cell.getContextMenu().getItems().stream()
                .filter(item -> "contextDetectPose".equals(item.getId())).findFirst().orElseThrow());
        assertThat(detect.getText()).isEqualTo("Detect pose");
        fx(detect::fire);
        awaitIdle();

        assertThat(window.viewModel().project().reference(id).orElseThrow().pose().people()).hasSize(2);
        assertThat(dialogs.problems).isEmpty();
    }

    @Test
    void extractPosesFromVideoAsksForOptionsShowsFrameProgressAndReplacesTheTarget(FxRobot robot) {
        Project before = window.viewModel().project();
        videoDialogs.videos.add(DwposeTestData.VIDEO);
        videoDialogs.options.add(VideoExtractionOptions.defaults().withFrameStride(10).withLargestPersonOnly(true));
        List<String> messages = new CopyOnWriteArrayList<>();
        fx(() -> tasks.messageProperty().addListener((obs, old, text) -> messages.add(text)));

        robot.clickOn("File");
        robot.clickOn("Extract poses from video…");
        awaitIdle();

        assertThat(videoDialogs.askedAbout).containsExactly(DwposeTestData.VIDEO);
        assertThat(messages).contains("Extracting poses from pose2sim_cam03.mp4: frame 1/10",
                "Extracting poses from pose2sim_cam03.mp4: frame 10/10");
        Project after = window.viewModel().project();
        assertThat(after.target().people()).singleElement().satisfies(person -> assertThat(person.keyframes())
                .extracting(PoseKeyframe::frame).containsExactly(0, 4, 8, 12, 16, 20, 24, 28, 32, 36));
        assertThat(window.viewModel().drivingVideoProperty().get().file())
                .isEqualTo(DwposeTestData.VIDEO.toAbsolutePath().normalize());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().project()).isEqualTo(before);
    }

    @Test
    void cancellingTheOptionsDialogRunsNothing(FxRobot robot) {
        videoDialogs.videos.add(DwposeTestData.VIDEO);
        Project before = window.viewModel().project();

        robot.clickOn("File");
        robot.clickOn("Extract poses from video…");
        awaitIdle();

        assertThat(videoDialogs.askedAbout).containsExactly(DwposeTestData.VIDEO);
        assertThat(window.viewModel().project()).isEqualTo(before);
        assertThat(window.viewModel().statusProperty().get()).doesNotContain("Extract");
    }

    @Test
    void theStatusBarCancelButtonStopsARunningExtraction(FxRobot robot) throws Exception {
        Project before = window.viewModel().project();
        fx(() -> feature.extraction().extractFromVideo(DwposeTestData.VIDEO, VideoExtractionOptions.defaults()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> tasks.progressProperty().get() > 0));

        robot.clickOn("#extractionCancel");
        awaitIdle();

        assertThat(window.viewModel().project()).isEqualTo(before);
        assertThat(window.viewModel().statusProperty().get()).contains("cancelled");
        assertThat(robot.lookup("#extractionCancel").queryButton().isVisible()).isFalse();
    }
}
