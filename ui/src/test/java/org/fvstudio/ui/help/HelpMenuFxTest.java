package org.fvstudio.ui.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help > Keyboard shortcuts and Help > About in the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuFxTest {

    @TempDir
    static Path temp;

    private StudioFixture studio;
    private Path folder;

    @Start
    void start(Stage stage) {
        folder = temp.resolve(UUID.randomUUID().toString());
        BundledAssets assets = StudioFixture.sampleAssets(folder);
        studio = new StudioFixture(stage, folder.resolve("home"), Optional.of(assets));
    }

    @AfterEach
    void stop() throws Exception {
        studio.tasks.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void shortcutsDialogListsTheAcceleratorsOfTheMenus(FxRobot robot) {
        chooseFromHelp(robot, "Keyboard shortcuts…");

        TableView<Shortcut> table = robot.lookup("#shortcutsTable").queryTableView();
        KeyCombination save = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        assertThat(table.getItems()).contains(
                new Shortcut("File › Save", save),
                new Shortcut("File › Save As", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
                new Shortcut("Edit › Preferences", new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN)),
                new Shortcut("Edit › Redo (second shortcut)", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN)),
                new Shortcut("Help › Keyboard shortcuts", new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN)));
        // What the user reads: the row of Save shows the platform's text for its keys.
        assertThat(robot.lookup(".table-row-cell").<javafx.scene.Node>queryAll()).anySatisfy(row -> {
            assertThat(robot.from(row).lookup("File › Save").tryQuery()).isPresent();
            assertThat(robot.from(row).lookup(save.getDisplayText()).tryQuery()).isPresent();
        });
        assertThat(table.getItems()).extracting(Shortcut::action).doesNotHaveDuplicates();

        robot.clickOn("#shortcutsFilter").write("save");
        assertThat(table.getItems()).extracting(Shortcut::action).containsExactly("File › Save", "File › Save As");
    }

    @Test
    void aShortcutAddedToAMenuAppearsWithoutEditingAnyList(FxRobot robot) {
        KeyCombination keys = new KeyCodeCombination(KeyCode.F7);
        fx(() -> {
            MenuItem item = new MenuItem("Toggle onion skin");
            item.setAccelerator(keys);
            Menu view = studio.window.menuBar().getMenus().stream()
                    .filter(m -> "viewMenu".equals(m.getId())).findFirst().orElseThrow();
            view.getItems().add(item);
        });

        chooseFromHelp(robot, "Keyboard shortcuts…");

        TableView<Shortcut> table = robot.lookup("#shortcutsTable").queryTableView();
        assertThat(table.getItems()).contains(new Shortcut("View › Toggle onion skin", keys));
    }

    @Test
    void aboutShowsVersionsInferenceStateAndBundledLicences(FxRobot robot) throws Exception {
        chooseFromHelp(robot, "About FV Studio…");
        awaitJobs(studio.tasks);

        String versions = robot.lookup("#aboutVersions").queryAs(Label.class).getText();
        assertThat(versions).contains(StudioFixture.VERSION,
                "Java: " + System.getProperty("java.version"),
                "JavaFX: " + System.getProperty("javafx.runtime.version"),
                "ONNX Runtime: inference not loaded",
                "Device: inference not loaded");
        String licences = robot.lookup("#aboutLicences").queryAs(TextArea.class).getText();
        String notice = Files.readString(Path.of("..", "NOTICE")).strip();
        assertThat(licences).contains("==== " + folder.resolve("NOTICE") + " ====\n" + notice);
        assertThat(licences).contains("==== assets/sample/licences/LICENSE-pose2sim ====\nBSD 3-Clause License");
    }

    private static void chooseFromHelp(FxRobot robot, String item) {
        robot.clickOn("Help");
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
