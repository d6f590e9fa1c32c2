package org.fvstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.settings.StudioHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real application start: a corrupt preferences file is reported, the sample copy opens. */
@ExtendWith(ApplicationExtension.class)
class StudioApplicationStartTest {

    @TempDir
    static Path temp;

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        BundledAssets assets = StudioFixture.sampleAssets(temp.resolve("install"));
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("preferences.json"), "{ this is not json");
        System.setProperty(StudioHome.PROPERTY, home.toString());
        System.setProperty(BundledAssets.PROPERTY, assets.root().toString());
        new StudioApplication().start(stage);
    }

    @AfterAll
    static void clearProperties() {
        System.clearProperty(StudioHome.PROPERTY);
        System.clearProperty(BundledAssets.PROPERTY);
    }

    @Test
    void corruptPreferencesAreReportedAndTheSampleCopyOpens(FxRobot robot) throws Exception {
        Path file = temp.resolve("home").resolve("preferences.json");
        DialogPane warning = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(warning.getHeaderText()).isEqualTo("Preferences reset to defaults");
        assertThat(warning.getContentText()).startsWith(file + " is not valid JSON (")
                .endsWith("; using the default preferences (saving them replaces the file)");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> stage.getTitle()).startsWith("Sample"));
        assertThat(temp.resolve("home").resolve("projects").resolve("Sample.fvs").resolve("project.json")).isRegularFile();
        assertThat(robot.lookup("#firstRunGuide").tryQuery()).isPresent();
        assertThat(fx(() -> stage.getScene().lookup("#menuBar") != null)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("{ this is not json");
    }
}
