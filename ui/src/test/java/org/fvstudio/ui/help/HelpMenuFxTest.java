package org.fvstudio.ui.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.fvstudio.ui.keys.ShortcutTable;
import org.fvstudio.ui.keys.ShortcutTable.Row;
import org.fvstudio.ui.keys.StudioShortcut;
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
    void shortcutsDialogListsEveryKeyOfTheTableAndNothingUnexplained(FxRobot robot) {
        chooseFromHelp(robot, "Keyboard shortcuts…");

        TableView<Row> table = robot.lookup("#shortcutsTable").queryTableView();
        assertThat(table.getItems()).containsExactlyElementsOf(ShortcutTable.rows());
        assertThat(table.getItems()).extracting(Row::keys).contains("Space", "J", "K", "L", "Left", "Right", "Up / Alt+Right",
                "Down / Alt+Left",
                "I", "O", "M", "Delete / Backspace", "F", "H", "C", "Esc", "F10");
        assertThat(table.getItems()).contains(
                new Row("File menu", "Save", StudioShortcut.SAVE.keysText()),
                new Row("Edit menu", "Redo", StudioShortcut.REDO.keysText()),
                new Row("Edit menu", "Preferences", StudioShortcut.PREFERENCES.keysText()),
                new Row("Window", "Move the focus to the menu bar (then arrow keys and Enter)", "F10"));
        assertThat(table.getItems()).extracting(Row::action).noneMatch(a -> a.contains("Window shortcut"));
        // What the user reads: the row of Save shows its keys as this platform writes them.
        assertThat(robot.lookup(".table-row-cell").<javafx.scene.Node>queryAll()).anySatisfy(row -> {
            assertThat(robot.from(row).lookup("Save").tryQuery()).isPresent();
            assertThat(robot.from(row).lookup(StudioShortcut.SAVE.keysText()).tryQuery()).isPresent();
        });

        robot.clickOn("#shortcutsFilter").write("save");
        assertThat(table.getItems()).extracting(Row::action).containsExactly("Save", "Save As");
    }

    @Test
    void everyAcceleratorOfTheWindowIsATableRowAndEveryMenuRowIsOnItsMenu() {
        List<ShortcutCatalog.Registered> registered = fx(() -> ShortcutCatalog.registered(studio.window.menuBar(),
                studio.window.stage().getScene()));
        assertThat(ShortcutCatalog.unlisted(registered)).isEmpty();
        // JavaFX's own key for the menu bar is there, and the table explains it.
        assertThat(registered).contains(new ShortcutCatalog.Registered("Window", StudioShortcut.MENU_BAR.accelerator()));

        for (StudioShortcut shortcut : StudioShortcut.values()) {
            if (!shortcut.group().isMenu()) {
                continue;
            }
            String menuPath = shortcut.group().menuName() + " › " + shortcut.action().replace("…", "");
            assertThat(registered).as("%s on its menu item", shortcut)
                    .anySatisfy(r -> {
                        assertThat(r.keys()).isEqualTo(shortcut.accelerator());
                        // Undo and Redo carry the edit they undo after their name.
                        assertThat(r.path()).startsWith(menuPath);
                    });
            for (KeyCombination extra : shortcut.extraAccelerators()) {
                assertThat(registered).contains(new ShortcutCatalog.Registered("Window", extra));
            }
        }
    }

    @Test
    void aShortcutAddedToAMenuButNotToTheTableIsShownAndCaught(FxRobot robot) {
        KeyCombination keys = new KeyCodeCombination(KeyCode.F7);
        fx(() -> {
            MenuItem item = new MenuItem("Toggle onion skin");
            item.setAccelerator(keys);
            Menu view = studio.window.menuBar().getMenus().stream()
                    .filter(m -> "viewMenu".equals(m.getId())).findFirst().orElseThrow();
            view.getItems().add(item);
        });
        assertThat(fx(() -> ShortcutCatalog.unlisted(ShortcutCatalog.registered(studio.window.menuBar(),
                studio.window.stage().getScene())))).containsExactly(new ShortcutCatalog.Registered("View › Toggle onion skin", keys));

        chooseFromHelp(robot, "Keyboard shortcuts…");

        TableView<Row> table = robot.lookup("#shortcutsTable").queryTableView();
        assertThat(table.getItems()).contains(new Row("View menu", "Toggle onion skin", keys.getDisplayText()));
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
