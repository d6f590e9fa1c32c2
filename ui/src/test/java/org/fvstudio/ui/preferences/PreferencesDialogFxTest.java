package org.fvstudio.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;

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

/** Edit > Preferences in the real window, headless. */
@ExtendWith(ApplicationExtension.class)
class PreferencesDialogFxTest {

    @TempDir
    static Path temp;

    private StudioFixture studio;

    @Start
    void start(Stage stage) {
        studio = new StudioFixture(stage, temp.resolve(UUID.randomUUID().toString()), Optional.empty());
    }

    @AfterEach
    void stop() throws Exception {
        studio.tasks.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void anInvalidThreadCountIsRefusedAndNothingIsSaved(FxRobot robot) {
        openPreferences(robot);

        type(robot, "#prefThreads", "99");
        robot.clickOn("#prefOk");

        assertThat(robot.lookup("#prefMessage").queryAs(Label.class).getText()).isEqualTo(
                "Not saved. Thread count: must be between 1 and 4 (this machine's processors), or 0 for automatic; got 99");
        assertThat(dialogStage().isShowing()).isTrue();
        assertThat(studio.preferences.current().threadCount()).isZero();
        assertThat(studio.preferences.store().file()).doesNotExist();

        type(robot, "#prefThreads", "2");
        robot.clickOn("#prefOk");
        assertThat(dialogStage().isShowing()).isFalse();
        assertThat(studio.preferences.current().threadCount()).isEqualTo(2);
        assertThat(studio.preferences.store().load().preferences().threadCount()).isEqualTo(2);
    }

    @Test
    void choosingTheDarkThemeRestylesTheOpenStudio(FxRobot robot) throws Exception {
        Scene main = studio.window.stage().getScene();
        assertThat(statusBarColour(robot)).isEqualTo(Color.web("#eeeeee"));
        openPreferences(robot);

        robot.clickOn("#prefTheme");
        robot.clickOn("Dark");
        robot.clickOn("#prefApply");

        assertThat(main.getStylesheets()).contains(ThemeStyles.DARK_STYLESHEET);
        assertThat(main.getRoot().getStyleClass()).contains(ThemeStyles.DARK_STYLE_CLASS);
        assertThat(statusBarColour(robot)).isEqualTo(Color.web("#313335"));
        assertThat(dialogStage().getScene().getStylesheets()).contains(ThemeStyles.DARK_STYLESHEET);
        assertThat(Files.readString(studio.preferences.store().file())).contains("\"theme\" : \"dark\"");

        robot.clickOn("#prefTheme");
        robot.clickOn("Light");
        robot.clickOn("#prefOk");

        assertThat(main.getStylesheets()).doesNotContain(ThemeStyles.DARK_STYLESHEET);
        assertThat(statusBarColour(robot)).isEqualTo(Color.web("#eeeeee"));
        assertThat(studio.preferences.current().theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theRenderCacheLimitFollowsThePreference(FxRobot robot) {
        assertThat(studio.window.generation().cacheLimitBytes()).isEqualTo(Preferences.DEFAULT_CACHE_LIMIT_MB << 20);
        openPreferences(robot);

        type(robot, "#prefCacheLimit", "300");
        robot.clickOn("#prefOk");
        assertThat(studio.preferences.current().cacheLimitMb()).isEqualTo(300);
        assertThat(studio.window.generation().cacheLimitBytes()).isEqualTo(300L << 20);
    }

    @Test
    void theAutosaveTimerFollowsTheInterval(FxRobot robot) {
        assertThat(fx(() -> studio.window.autosaveInterval())).isEqualTo(Duration.minutes(2));
        openPreferences(robot);

        type(robot, "#prefAutosave", "0");
        robot.clickOn("#prefOk");
        assertThat(robot.lookup("#prefMessage").queryAs(Label.class).getText())
                .isEqualTo("Not saved. Autosave interval: must be between 1 and 60 minutes; got 0");
        assertThat(fx(() -> studio.window.autosaveInterval())).isEqualTo(Duration.minutes(2));

        type(robot, "#prefAutosave", "7");
        robot.clickOn("#prefOk");
        assertThat(fx(() -> studio.window.autosaveInterval())).isEqualTo(Duration.minutes(7));
    }

    private void openPreferences(FxRobot robot) {
        robot.clickOn("#studioRoot");
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogStage().isShowing()).as("Ctrl+Comma opens the preferences").isTrue();
    }

    private Stage dialogStage() {
        return studio.features.preferencesFeature().dialog().stage();
    }

    private static void type(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        fx(() -> field.selectAll());
        robot.write(text);
        assertThat(field.getText()).isEqualTo(text);
    }

    private Color statusBarColour(FxRobot robot) {
        return fx(() -> {
            Region bar = (Region) studio.window.stage().getScene().lookup("#statusBar");
            bar.applyCss();
            return (Color) bar.getBackground().getFills().get(0).getFill();
        });
    }
}
