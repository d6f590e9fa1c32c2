package org.fvstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.ui.studio.FxTestSupport;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioDialogs.UnsavedChoice;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The foundation issue's end-to-end scenario, driven through the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class StudioEndToEndTest {

    @TempDir
    static Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void createImportSaveCloseReopen(FxRobot robot) {
        StudioViewModel viewModel = window.viewModel();
        Path images = temp.resolve("images");
        Path astronaut = copyResource("images/astronaut.png", images);
        Path frame = copyResource("images/pose2sim_cam03_frame30.jpg", images);

        // New project, two reference images (what a drop on the bin does), the cam03 pose sequence.
        robot.clickOn("#toolNew");
        fx(() -> viewModel.importReferenceFiles(List.of(astronaut, frame)));
        awaitJobs(tasks);
        fx(() -> viewModel.importPoseSequence(List.of(FxTestSupport.cam03Folder())));
        awaitJobs(tasks);
        assertThat(dialogs.problems).isEmpty();

        // Labels set through the edit history, one of them undone and redone with the keyboard.
        Project imported = viewModel.project();
        String closeUpId = imported.references().get(0).id();
        String wideId = imported.references().get(1).id();
        fx(() -> viewModel.setReferenceScale(closeUpId, ShotScale.CLOSE_UP));
        fx(() -> viewModel.setReferenceScale(wideId, ShotScale.WIDE));
        fx(() -> viewModel.renameReference(wideId, "Full body"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
        assertThat(viewModel.project().reference(wideId).orElseThrow().name()).isEqualTo("pose2sim_cam03_frame30");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Y)
                .release(javafx.scene.input.KeyCode.Y, javafx.scene.input.KeyCode.CONTROL);
        assertThat(viewModel.project().reference(wideId).orElseThrow().name()).isEqualTo("Full body");
        assertThat(window.stage().getTitle()).isEqualTo("Untitled* – FV Studio");

        // The bin shows both shots with their scale labels; the viewer shows the selected photo.
        ListView<ReferenceShot> list = robot.lookup("#referenceList").queryListView();
        assertThat(list.getItems()).hasSize(2);
        assertThat(robot.lookup(".shot-scale").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Close-up", "Wide");
        robot.clickOn("astronaut");
        assertThat(viewModel.viewerModeProperty().get()).isEqualTo(ViewerMode.REFERENCE);
        assertThat(window.viewer().photoImage()).isNotNull();

        // The timeline spans the 100 frames and the viewer draws the target skeleton of frame 50.
        Slider slider = robot.lookup("#frameSlider").query();
        assertThat(slider.getMax()).isEqualTo(99);
        fx(() -> slider.setValue(50));
        assertThat(viewModel.currentFrameProperty().get()).isEqualTo(50);
        assertThat(viewModel.viewerModeProperty().get()).isEqualTo(ViewerMode.TARGET);
        Image skeleton = window.viewer().skeletonImage();
        assertThat(skeleton).isNotNull();
        assertThat(coloredPixels(skeleton)).isGreaterThan(500);

        // Save (untitled -> Save As), close, reopen.
        Path bundle = temp.resolve("Walk.fvs");
        dialogs.saveLocations.push(Optional.of(temp.resolve("Walk")));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
        awaitJobs(tasks);
        assertThat(window.stage().getTitle()).isEqualTo("Walk – FV Studio");
        Project saved = viewModel.project();

        robot.clickOn("#toolNew");
        assertThat(viewModel.project().references()).isEmpty();
        assertThat(viewModel.recentProjects()).containsExactly(bundle);
        dialogs.projectsToOpen.push(Optional.of(bundle));
        robot.clickOn("#toolOpen");
        awaitJobs(tasks);

        Project reopened = viewModel.project();
        assertThat(reopened.references()).extracting(ReferenceShot::name).containsExactly("astronaut", "Full body");
        assertThat(reopened.references()).extracting(ReferenceShot::scale).containsExactly(ShotScale.CLOSE_UP, ShotScale.WIDE);
        assertThat(reopened.references()).isEqualTo(saved.references());
        assertThat(reopened.frameCount()).isEqualTo(100);
        assertThat(reopened.target().people().get(0).keyframes()).hasSize(100);
        for (int f = 0; f < 100; f += 11) {
            assertThat(reopened.rawTargetPoseAt(f).people().get(0).x(1))
                    .isCloseTo(saved.rawTargetPoseAt(f).people().get(0).x(1), org.assertj.core.data.Offset.offset(1e-3));
        }
        assertThat(reopened.name()).isEqualTo("Walk");
        assertThat(window.stage().getTitle()).isEqualTo("Walk – FV Studio");
        assertThat(list.getItems()).hasSize(2);
        assertThat(dialogs.problems).isEmpty();
        assertThat(dialogs.unsavedQuestions).isEmpty();
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksAndCancelKeepsItOpen(FxRobot robot) {
        StudioViewModel viewModel = window.viewModel();
        fx(() -> viewModel.renameProject("Pending"));
        dialogs.unsavedAnswers.push(UnsavedChoice.CANCEL);

        fx(() -> window.requestQuit());

        assertThat(dialogs.unsavedQuestions).containsExactly("Pending");
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(window.stage().getTitle()).isEqualTo("Pending* – FV Studio");

        dialogs.unsavedAnswers.push(UnsavedChoice.DISCARD);
        fx(() -> window.requestQuit());
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void emptyZonesSaySoPlainly(FxRobot robot) {
        assertThat(robot.lookup("#heatmapEmpty").queryAs(Label.class).getText())
                .isEqualTo("Frame 0 has not been generated yet: no correlation maps to show.");
        assertThat(window.viewer().messageText()).startsWith("No target poses yet");
        assertThat(robot.lookup("#targetSummary").queryAs(Label.class).getText()).contains("none yet");
    }

    private static int coloredPixels(Image image) {
        int count = 0;
        var reader = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if ((reader.getArgb(x, y) & 0xFFFFFF) != 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
