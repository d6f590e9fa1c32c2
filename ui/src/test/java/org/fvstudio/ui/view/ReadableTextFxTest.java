package org.fvstudio.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.export.FloatMap;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.generation.GeneratedFrame;
import org.fvstudio.ui.heatmap.HeatmapTile;
import org.fvstudio.ui.studio.FxTestSupport;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21 item 14 at the default window size (1280x800): names instead of ids, file names with underscores,
 * captions that never squeeze a button to "...", and no "Autosaved" beside "Unsaved changes".
 */
@ExtendWith(ApplicationExtension.class)
class ReadableTextFxTest {

    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;
    private StudioViewModel studio;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
        studio = window.viewModel();
    }

    @AfterEach
    void stop() {
        // The stage outlives the test; the next one expects the default size.
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        window.generation().close();
        tasks.close();
    }

    @Test
    void heatmapHoverNamesTheReferenceNotItsId(FxRobot robot) {
        importGraceHopper();
        fx(() -> window.generation().results().put(frameZeroFedBy("ref-1")));
        fx(window::showResults);
        WaitForAsyncUtils.waitForFxEvents();

        List<HeatmapTile> tiles = fx(() -> window.heatmaps().tiles());
        assertThat(tiles).hasSize(1);
        assertThat(fx(() -> tiles.get(0).describePoint(0.5, 0.5))).startsWith("grace_hopper: correlation")
                .doesNotContain("ref-1");
        robot.moveTo(tiles.get(0).picture());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#heatmapHover").queryAs(Label.class).getText()).startsWith("grace_hopper:");
    }

    @Test
    void fileNamesKeepTheirUnderscoresInMenusAndCheckBoxes(FxRobot robot) {
        importGraceHopper();

        robot.clickOn("Edit");
        WaitForAsyncUtils.waitForFxEvents();
        // What is drawn, not what was set: mnemonic parsing would draw "gracehopper".
        assertThat(robot.lookup(".menu-item .label").<Label>queryAll()).extracting(ClippedText::drawnText)
                .contains("Undo Import reference grace_hopper");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        fx(() -> studio.setReferenceEnabled("ref-1", true));
        selectSideTab("generationTab");
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox use = robot.lookup("#useReference-ref-1").queryAs(CheckBox.class);
        assertThat(fx(() -> ClippedText.drawnText(use))).isEqualTo("grace_hopper");
    }

    @Test
    void noButtonIsSqueezedToDotsAtTheDefaultSize() throws Exception {
        List<String> clipped = new ArrayList<>();
        clipped.addAll(clippedIn("new project, editor"));
        selectSideTab("generationTab");
        clipped.addAll(clippedIn("new project, Generate tab"));

        Path copy = StudioFixture.copySample(temp.resolve("work"));
        fx(() -> studio.open(copy));
        awaitJobs(tasks);
        String longName = "Wide shot from behind, second take, with the long lens";
        fx(() -> studio.renameReference(studio.project().references().get(0).id(), longName));
        fx(() -> {
            studio.selectedReferenceIdProperty().set(studio.project().references().get(0).id());
            studio.viewerModeProperty().set(ViewerMode.REFERENCE);
        });
        clipped.addAll(clippedIn("sample, reference with a long name"));
        saveScreenshot("readable-editor-1280x800.png");
        fx(() -> studio.viewerModeProperty().set(ViewerMode.TARGET));
        selectSideTab("inspectorTab");
        clipped.addAll(clippedIn("sample, target"));
        fx(window::showResults);
        clipped.addAll(clippedIn("sample, results and Generate tab"));
        saveScreenshot("readable-results-1280x800.png");
        for (double[] size : new double[][] {{1600, 1000}}) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                ((TabPane) stage.getScene().lookup("#centreTabs")).getSelectionModel().select(0);
            });
            clipped.addAll(clippedIn("sample at " + (int) size[0] + " px"));
        }

        assertThat(clipped).isEmpty();
    }

    @Test
    void anAutosaveNeverReadsAsSavedBesideUnsavedChanges(FxRobot robot) throws Exception {
        Path copy = StudioFixture.copySample(temp.resolve("work"));
        fx(() -> studio.open(copy));
        awaitJobs(tasks);
        fx(() -> studio.renameProject("Renamed"));
        fx(studio::autosaveNow);
        awaitJobs(tasks);
        assertThat(copy.resolve("project.autosave.json")).isRegularFile();

        String status = robot.lookup("#statusLabel").queryAs(Label.class).getText();
        String state = robot.lookup("#savedStateLabel").queryAs(Label.class).getText();
        assertThat(status).doesNotContainIgnoringCase("autosaved");
        assertThat(state).startsWith("Unsaved changes").contains("recovery copy");

        fx(() -> studio.save());
        awaitJobs(tasks);
        assertThat(robot.lookup("#savedStateLabel").queryAs(Label.class).getText()).isEqualTo("All changes saved");
    }

    private void importGraceHopper() {
        Path images = temp.resolve("images");
        try {
            Files.createDirectories(images);
            Files.move(FxTestSupport.copyResource("images/astronaut.png", images), images.resolve("grace_hopper.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        fx(() -> studio.importReferenceFiles(List.of(images.resolve("grace_hopper.png"))));
        awaitJobs(tasks);
        assertThat(studio.project().references()).extracting(r -> r.name()).containsExactly("grace_hopper");
    }

    private static GeneratedFrame frameZeroFedBy(String referenceId) {
        float[] values = new float[16 * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / (float) values.length;
        }
        return new GeneratedFrame(0, new RgbImage(8, 8),
                List.of(new ReferenceResult(referenceId, FloatMap.of(16, 16, values), 1.0)), List.of(),
                org.fvstudio.project.GenerationSettings.DEFAULTS, new CacheKey("0".repeat(64)), "CPU", 0.1);
    }

    private void selectSideTab(String id) {
        fx(() -> {
            TabPane side = (TabPane) stage.getScene().lookup("#sideTabs");
            side.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .ifPresent(t -> side.getSelectionModel().select(t));
        });
    }

    private void saveScreenshot(String name) throws java.io.IOException {
        var shot = fx(() -> stage.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }

    private List<String> clippedIn(String state) throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        Node root = stage.getScene().getRoot();
        return fx(() -> ClippedText.buttonsIn((javafx.scene.Parent) root)).stream().map(c -> state + ": " + c).toList();
    }
}
