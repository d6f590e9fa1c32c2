package org.fvstudio.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.studio.StudioViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** First run: the sample project opens as the user's own copy and the welcome guide shows until turned off. */
@ExtendWith(ApplicationExtension.class)
class FirstRunFxTest {

    @TempDir
    static Path temp;

    private Path folder;
    private BundledAssets assets;
    private StudioFixture first;
    private StudioFixture second;

    @Start
    void start(Stage stage) {
        folder = temp.resolve(UUID.randomUUID().toString());
        assets = StudioFixture.sampleAssets(folder);
        first = new StudioFixture(stage, folder.resolve("home"), Optional.of(assets));
    }

    @AfterEach
    void stop() throws Exception {
        first.tasks.close();
        if (second != null) {
            second.tasks.close();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void firstRunOpensACopyOfTheSampleAndTheGuideStaysAwayAfterDontShowAgain(FxRobot robot) {
        Path bundled = assets.sampleProject().orElseThrow();
        TreeMap<String, String> bundledBefore = StudioFixture.fingerprint(bundled);
        assertThat(first.preferences.loaded().firstRun()).isTrue();

        startUp(first);

        StudioViewModel viewModel = first.window.viewModel();
        Path copy = first.home.root().resolve("projects").resolve("Sample.fvs");
        assertThat(viewModel.document().bundleFolder()).isEqualTo(copy);
        assertThat(viewModel.project().references()).extracting(ReferenceShot::name).containsExactly("Close-up", "Wide");
        // The open project's render cache holds its lock file while the studio has it open; nothing else is added.
        Map<String, String> copied = new TreeMap<>(StudioFixture.fingerprint(copy));
        assertThat(copied.remove("cache/open.lock")).isNotNull();
        assertThat(copied).isEqualTo(bundledBefore);
        assertThat(first.features.guide().isShowing()).isTrue();
        assertThat(robot.lookup("#guideCardReferences").tryQuery()).isPresent();
        assertThat(robot.lookup("#guideCardHeatmaps").tryQuery()).isPresent();
        assertThat(robot.lookup("#guideCardTimeline").tryQuery()).isPresent();

        // Editing and saving the sample changes the user's copy only.
        fx(() -> viewModel.renameReference("ref-1", "Face"));
        fx(() -> viewModel.save());
        awaitJobs(first.tasks);
        assertThat(StudioFixture.fingerprint(bundled)).isEqualTo(bundledBefore);
        assertThat(readProjectJson(copy)).contains("\"Face\"");

        robot.clickOn("#guideDontShowAgain");
        robot.clickOn("#guideClose");
        assertThat(first.features.guide().isShowing()).isFalse();
        assertThat(first.preferences.current().showGuide()).isFalse();
        assertThat(readFile(first.preferences.store().file())).contains("\"show_guide\" : false");

        // The next start: no guide, and the user's edited copy is opened, not replaced.
        second = fx(() -> new StudioFixture(new Stage(), folder.resolve("home"), Optional.of(assets)));
        assertThat(second.preferences.loaded().firstRun()).isFalse();
        startUp(second);
        assertThat(second.features.guide().isShowing()).isFalse();
        assertThat(second.window.viewModel().document().bundleFolder()).isEqualTo(copy);
        assertThat(second.window.viewModel().project().references()).extracting(ReferenceShot::name)
                .containsExactly("Face", "Wide");
        assertThat(StudioFixture.fingerprint(bundled)).isEqualTo(bundledBefore);
    }

    @Test
    void theGuideComesBackWhenClosedWithoutTheBoxAndFromTheHelpMenu(FxRobot robot) {
        startUp(first);
        assertThat(first.features.guide().isShowing()).isTrue();
        robot.clickOn("#guideClose");
        assertThat(first.preferences.current().showGuide()).isTrue();

        second = fx(() -> new StudioFixture(new Stage(), folder.resolve("home"), Optional.of(assets)));
        startUp(second);
        assertThat(second.features.guide().isShowing()).isTrue();
        fx(() -> second.features.guide().stage().close());
        fx(() -> first.window.stage().close());

        robot.clickOn("Help");
        robot.clickOn("Welcome guide…");
        assertThat(second.features.guide().isShowing()).isTrue();
    }

    @Test
    void withoutABundledSampleTheStudioStartsUntitledAndSaysSo(FxRobot robot) throws Exception {
        Path emptyAssets = Files.createDirectories(folder.resolve("bare-assets"));
        StudioViewModel viewModel = first.window.viewModel();
        SampleProjectInstaller installer = new SampleProjectInstaller(first.home, Optional.of(BundledAssets.at(emptyAssets)));

        fx(() -> StudioStartup.begin(viewModel, first.preferences, installer, first.features.guide(), null));
        awaitJobs(first.tasks);

        assertThat(viewModel.document().location().untitled()).isTrue();
        assertThat(viewModel.project().name()).isEqualTo("Untitled");
        assertThat(viewModel.statusProperty().get()).isEqualTo(
                "No sample project is bundled with this build: the bundled assets at " + emptyAssets
                        + " hold no sample project (sample/Sample.fvs with a project.json); started with an untitled project");
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).isEqualTo(viewModel.statusProperty().get());
        assertThat(first.home.root().resolve("projects").resolve("Sample.fvs")).doesNotExist();
        assertThat(first.dialogs.problems).isEmpty();
    }

    private void startUp(StudioFixture studio) {
        SampleProjectInstaller installer = new SampleProjectInstaller(studio.home, Optional.of(assets));
        fx(() -> StudioStartup.begin(studio.window.viewModel(), studio.preferences, installer,
                studio.features.guide(), null));
        awaitJobs(studio.tasks);
    }

    private static String readProjectJson(Path bundle) {
        return readFile(bundle.resolve("project.json"));
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
