package org.fvstudio.ui.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A saved project's driving video behind the target skeleton in the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class DrivingVideoWindowTest {

    @TempDir
    static Path temp;

    private static List<RgbImage> sequential;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;

    @BeforeAll
    static void decode() throws Exception {
        sequential = VideoTestFrames.sequential(3);
    }

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private Path bundleWithVideo(String name, Path video) throws Exception {
        Path dir = temp.resolve(name + ".fvs");
        ProjectBundle.create(dir, Project.createNew(name).withDrivingVideo(new DrivingVideo(video, 60)));
        return dir;
    }

    private void open(Path bundle) {
        fx(() -> window.viewModel().open(bundle));
        awaitJobs(tasks);
    }

    private Image shownAfterDecoding(Image previous) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            Image now = fx(() -> window.viewer().videoFrameImage());
            return now != null && now != previous;
        });
        return fx(() -> window.viewer().videoFrameImage());
    }

    @Test
    void theVideoFrameOfTheCurrentFrameIsShownBehindTheTarget() throws Exception {
        open(bundleWithVideo("Walk", VideoTestFrames.VIDEO));
        StudioViewModel studio = window.viewModel();
        assertThat(studio.statusProperty().get()).doesNotContain("warning");
        assertThat(studio.drivingVideoProperty().get()).isEqualTo(new DrivingVideo(VideoTestFrames.VIDEO, 60));

        // Project frame 10 at 24 fps is video frame round(10 * 60 / 24) = 25.
        Image first = fx(() -> window.viewer().videoFrameImage());
        fx(() -> studio.currentFrameProperty().set(10));
        Image frame25 = shownAfterDecoding(first);
        assertThat(VideoTestFrames.meanAbsoluteDifference(frame25, sequential.get(25))).isLessThan(1.0);
        assertThat(VideoTestFrames.meanAbsoluteDifference(frame25, sequential.get(24))).isGreaterThan(1.0);
        assertThat(fx(() -> window.viewer().captionText())).contains("video frame 25");

        // Scrubbing on: the frame shown stays up until the next one is decoded, never blank.
        fx(() -> studio.currentFrameProperty().set(30));
        assertThat(fx(() -> window.viewer().videoFrameImage())).isNotNull();
        Image frame75 = shownAfterDecoding(frame25);
        assertThat(VideoTestFrames.meanAbsoluteDifference(frame75, sequential.get(75))).isLessThan(1.0);

        // The View menu hides it; the reference view never shows it.
        CheckMenuItem toggle = fx(() -> (CheckMenuItem) ((MenuBar) window.stage().getScene().lookup("#menuBar"))
                .getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menuDrivingVideo".equals(i.getId())).findFirst().orElseThrow());
        assertThat(toggle.isSelected()).isTrue();
        fx(() -> toggle.setSelected(false));
        assertThat(fx(() -> window.viewer().videoFrameImage())).isNull();
        fx(() -> toggle.setSelected(true));
        assertThat(fx(() -> window.viewer().videoFrameImage())).isSameAs(frame75);
        fx(() -> studio.viewerModeProperty().set(ViewerMode.REFERENCE));
        assertThat(fx(() -> window.viewer().videoFrameImage())).isNull();
    }

    @Test
    void aMissingVideoIsAWarningAndTheProjectStillOpens() throws Exception {
        Path moved = temp.resolve("moved-away.mp4");
        Path bundle = bundleWithVideo("Moved", moved);
        open(bundle);
        StudioViewModel studio = window.viewModel();
        assertThat(studio.project().name()).isEqualTo("Moved");
        assertThat(studio.document().bundleFolder()).isEqualTo(bundle.toAbsolutePath().normalize());
        assertThat(dialogs.problems).isEmpty();
        assertThat(studio.statusProperty().get()).contains("Opened", "warning: driving video", "moved-away.mp4", "not found");
        fx(() -> studio.currentFrameProperty().set(5));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.viewer().videoFrameImage())).isNull();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> fx(() -> window.viewer().captionText()).contains("driving video unavailable"));
        assertThat(fx(() -> window.viewer().captionText())).contains("moved-away.mp4", "video file not found");
        assertThat(Files.exists(moved)).isFalse();
    }
}
