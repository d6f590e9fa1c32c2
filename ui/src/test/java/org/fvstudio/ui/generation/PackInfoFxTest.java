package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.studio.ScriptedDialogs;
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

/** Issue 21 item 13: the Generate tab says what the chosen pack is for, its resolution, and opens its model card. */
@ExtendWith(ApplicationExtension.class)
class PackInfoFxTest {

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
    void stop() throws Exception {
        window.generation().close();
        tasks.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void theBundledPackSaysWhatItIsForAndOpensItsModelCardInOneClick(FxRobot robot) throws Exception {
        assertThat(fx(() -> stage.getScene().getWidth())).isEqualTo(1280);
        fx(() -> {
            TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
            side.getSelectionModel().select(side.getTabs().stream()
                    .filter(t -> "generationTab".equals(t.getId())).findFirst().orElseThrow());
        });
        awaitJobs(tasks);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#packTitle")).isEqualTo("FV Studio tiny (synthetic mannequins) · 128x128 px");
        assertThat(text(robot, "#packPurpose")).startsWith("For: The bundled default pack of FV Studio");
        assertThat(text(robot, "#packLimits")).startsWith("Limits: ").contains("mannequins", "real photographs");
        Bounds window = fx(() -> stage.getScene().getRoot().getBoundsInParent());
        for (String id : new String[] {"#packTitle", "#packPurpose", "#packLimits", "#modelCardLink"}) {
            Node node = robot.lookup(id).query();
            Bounds bounds = fx(() -> node.localToScene(node.getBoundsInLocal()));
            assertThat(window.contains(bounds)).as("%s at %s in the window", id, bounds).isTrue();
        }

        robot.clickOn("#modelCardLink");
        awaitJobs(tasks);
        WaitForAsyncUtils.waitForFxEvents();
        Path card = BundledAssets.locate().flatMap(a -> a.pack("fvs-tiny")).orElseThrow().resolve("MODEL_CARD.md");
        assertThat(robot.lookup("#modelCardText").queryAs(TextArea.class).getText()).isEqualTo(Files.readString(card));
        assertThat(text(robot, "#modelCardFile")).isEqualTo(card.toString());
        robot.clickOn("#modelCardClose");
    }

    @Test
    void anotherPackShowsItsOwnCard() throws Exception {
        Path bundle = GenerationTestProjects.writeBundle(temp, "Walk", 2);
        fx(() -> window.viewModel().open(bundle));
        awaitJobs(tasks);
        WaitForAsyncUtils.waitForFxEvents();
        Label title = (Label) stage.getScene().lookup("#packTitle");
        Label purpose = (Label) stage.getScene().lookup("#packPurpose");
        Label limits = (Label) stage.getScene().lookup("#packLimits");
        assertThat(fx(title::getText)).isEqualTo("Contract test pack · 128x128 px");
        assertThat(fx(purpose::getText)).isEqualTo("For: Hand-written test pack for FV Studio's pipeline tests "
                + "(see make_contract_pack.py).");
        assertThat(fx(limits::isManaged)).isFalse();
        assertThat(fx(() -> ((Hyperlink) stage.getScene().lookup("#modelCardLink")).isDisabled())).isFalse();
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryLabeled().getText());
    }
}
