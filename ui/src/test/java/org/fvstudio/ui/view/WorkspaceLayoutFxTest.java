package org.fvstudio.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.generation.FrameRange;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.heatmap.HeatmapTile;
import org.fvstudio.ui.settings.WindowLayout;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 21 item 2: at the default window size the generated frame, its target and every heatmap are in view. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceLayoutFxTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, new ScriptedDialogs());
    }

    @AfterEach
    void stop() {
        window.generation().close();
        tasks.close();
    }

    @Test
    void frameTargetAndEveryHeatmapAreInViewAtTheDefaultSize(FxRobot robot) throws Exception {
        assertThat(fx(() -> stage.getScene().getWidth())).isEqualTo(1280);
        assertThat(fx(() -> stage.getScene().getHeight())).isEqualTo(800);
        generateFrameZeroOfTheSample();

        fx(window::showResults);
        settle();
        saveScreenshot("layout-1280x800.png");
        Bounds scene = fx(() -> stage.getScene().getRoot().getBoundsInParent());
        Bounds resultArea = sceneBounds(robot.lookup("#resultSplit").query());
        assertThat(contains(scene, resultArea)).as("result area %s inside the window %s", resultArea, scene).isTrue();

        List<Node> mustShow = new ArrayList<>();
        mustShow.add(robot.lookup("#generatedImage").query());
        mustShow.add(robot.lookup("#targetSkeletonImage").query());
        List<HeatmapTile> tiles = fx(() -> window.heatmaps().tiles());
        assertThat(tiles).hasSize(enabledReferences());
        mustShow.addAll(tiles);
        for (Node node : mustShow) {
            Bounds bounds = sceneBounds(node);
            assertThat(bounds.getWidth()).as("%s width", node).isGreaterThan(60);
            assertThat(contains(resultArea, bounds)).as("%s at %s inside %s", node, bounds, resultArea).isTrue();
        }
        assertThat(fx(() -> window.results().imageSize())).isGreaterThanOrEqualTo(120);
        // The heatmap pane shows every tile whole: none runs past its visible part.
        Bounds heatmapArea = sceneBounds(robot.lookup("#heatmapPanel").query());
        for (HeatmapTile tile : tiles) {
            assertThat(contains(heatmapArea, sceneBounds(tile))).as("tile %s in the heatmap pane", tile.referenceId())
                    .isTrue();
        }
        // Generation settings and Generate are beside the results, not under the inspector.
        TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
        assertThat(fx(() -> side.getSelectionModel().getSelectedItem().getId())).isEqualTo("generationTab");
        Bounds generate = sceneBounds(robot.lookup("#generateButton").query());
        assertThat(contains(scene, generate)).as("Generate button %s in the window", generate).isTrue();

        // A bigger window gives the pictures more room.
        double small = fx(() -> window.results().imageSize());
        fx(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        settle();
        assertThat(fx(() -> window.results().imageSize())).isGreaterThan(small);
        saveScreenshot("layout-1600x1000.png");
    }

    @Test
    void dividerPositionsAreRememberedAcrossSessions(FxRobot robot) {
        SplitPane results = robot.lookup("#resultSplit").queryAs(SplitPane.class);
        SplitPane workspace = robot.lookup("#workspaceSplit").queryAs(SplitPane.class);
        fx(() -> {
            results.setDividerPositions(0.3);
            workspace.setDividerPositions(0.15, 0.7);
        });
        fx(stage::hide);
        Path file = window.viewModel().home().windowLayoutFile();
        assertThat(file).isRegularFile();

        WindowLayout reloaded = WindowLayout.load(file);
        SplitPane fresh = fx(() -> new SplitPane(new Pane(), new Pane(), new Pane()));
        fx(() -> reloaded.restore("workspace", fresh, 0.2, 0.76));
        double[] positions = fx(fresh::getDividerPositions);
        assertThat(positions[0]).isCloseTo(0.15, within(0.01));
        assertThat(positions[1]).isCloseTo(0.7, within(0.01));
    }

    @Test
    void aDamagedLayoutFileMeansTheDefaults() throws IOException {
        Path file = temp.resolve("broken-layout.json");
        Files.writeString(file, "{\"dividers\": {\"workspace\": [0.1, \"wide\"]} ");
        WindowLayout layout = WindowLayout.load(file);
        SplitPane pane = fx(() -> new SplitPane(new Pane(), new Pane(), new Pane()));
        fx(() -> layout.restore("workspace", pane, 0.2, 0.76));
        assertThat(fx(pane::getDividerPositions)).containsExactly(new double[] {0.2, 0.76}, within(1e-9));
    }

    private void generateFrameZeroOfTheSample() throws Exception {
        Path copy = StudioFixture.copySample(temp.resolve("work"));
        fx(() -> window.viewModel().open(copy));
        awaitJobs(tasks);
        GenerationWorkspace generation = window.generation();
        fx(() -> {
            window.viewModel().currentFrameProperty().set(0);
            generation.generate(FrameRange.CURRENT);
        });
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> fx(() -> !generation.service().isBusy()
                && generation.results().at(0).isPresent()));
    }

    private int enabledReferences() {
        return fx(() -> (int) window.viewModel().project().references().stream().filter(ReferenceShot::enabled).count());
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(150);
        }
    }

    private static Bounds sceneBounds(Node node) {
        return fx(() -> node.localToScene(node.getBoundsInLocal()));
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        double slack = 1;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private void saveScreenshot(String name) throws IOException {
        var shot = fx(() -> stage.getScene().snapshot(null));
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
    }
}
