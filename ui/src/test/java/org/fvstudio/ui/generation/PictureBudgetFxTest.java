package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;

import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.generation.pictures.FramePicture;
import org.fvstudio.ui.generation.pictures.PictureLru;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 21 item 15: the studio keeps the full-size pictures of only as many generated frames as its budget
 * allows; the others are read back from the render cache, unchanged, when the playhead reaches them, and a
 * reopened project is restored within the same budget. Real pack, real sample, headless.
 */
@ExtendWith(ApplicationExtension.class)
class PictureBudgetFxTest {

    private static final int FRAMES = 6;
    private static final int KEPT = 2;

    @TempDir
    Path temp;

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
        window.generation().close();
        tasks.close();
    }

    @Test
    void generatedPicturesBeyondTheBudgetAreReadBackUnchanged(FxRobot robot) {
        GenerationWorkspace generation = window.generation();
        Path bundle = StudioFixture.copySample(temp);
        fx(() -> window.viewModel().open(bundle));
        awaitJobs(tasks);
        GenerationEndToEndTest.awaitRefresh(generation);
        Spinner<Integer> steps = robot.lookup("#stepsSpinner").queryAs(Spinner.class);
        fx(() -> steps.getValueFactory().setValue(1));

        PictureLru pictures = generation.pictures();
        fx(() -> generation.generate(IntStream.range(0, FRAMES).boxed().toList()));
        GenerationEndToEndTest.waitUntil(240, () -> fx(() -> !generation.service().isBusy()));
        assertThat(dialogs.problems).isEmpty();
        List<GeneratedFrame> frames = fx(() -> IntStream.range(0, FRAMES)
                .mapToObj(f -> generation.results().at(f).orElseThrow()).toList());
        FramePicture first = frames.get(0).picture();
        long frameBytes = 4L * first.width() * first.height();

        // The budget cut to two pictures: the earliest frames are dropped, the thumbnails stay.
        fx(() -> pictures.setBudget(KEPT * frameBytes));
        assertThat(pictures.residentCount()).isEqualTo(KEPT);
        assertThat(frames.subList(0, FRAMES - KEPT)).allSatisfy(f -> assertThat(f.picture().resident()).isEmpty());
        assertThat(frames).allSatisfy(f -> assertThat(f.picture().thumbnail().width()).isPositive());

        // The playhead on a dropped frame: its picture comes back from the cache, and what comes back is what was
        // generated (the thumbnail made from the generated pixels matches one made from the pixels read back).
        fx(() -> {
            window.showResults();
            window.viewModel().currentFrameProperty().set(FRAMES - 1);
            window.viewModel().currentFrameProperty().set(0);
        });
        GenerationEndToEndTest.waitUntil(30, () -> fx(() -> first.resident().isPresent()
                && window.results().generatedImage().getWidth() == first.width()));
        RgbImage readBack = first.resident().orElseThrow();
        assertThat(FramePicture.kept(readBack).thumbnail().packedPixels()).isEqualTo(first.thumbnail().packedPixels());
        Image shown = fx(() -> window.results().generatedImage());
        PixelReader pixels = shown.getPixelReader();
        for (int[] at : new int[][] {{0, 0}, {first.width() / 2, first.height() / 2}, {first.width() - 1, first.height() - 1}}) {
            assertThat(pixels.getArgb(at[0], at[1]) & 0xFFFFFF).isEqualTo(readBack.rgb(at[0], at[1]));
        }
        assertThat(pictures.residentCount()).isEqualTo(KEPT);

        // Reopening restores every result but holds no more pictures than the budget.
        fx(() -> window.viewModel().open(bundle));
        awaitJobs(tasks);
        GenerationEndToEndTest.awaitRefresh(generation);
        GenerationEndToEndTest.waitUntil(60, () -> fx(() -> generation.results().frames().size() == FRAMES
                && !generation.results().isLoading()));
        assertThat(pictures.residentBytes()).isLessThanOrEqualTo(KEPT * frameBytes);
    }
}
