package org.fvstudio.ui.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.project.Project;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.StudioFeatures;
import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.inference.OnnxInferenceStatus;
import org.fvstudio.ui.preferences.PoseEstimator;
import org.fvstudio.ui.preferences.PreferenceRules;
import org.fvstudio.ui.preferences.PreferencesStore;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.settings.StudioHome;
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

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;

/**
 * The studio as StudioApplication assembles it: extraction reads the model folder from the preferences, and
 * Help › About reports the real ONNX Runtime version, the device the next session runs on and the one last used.
 */
@ExtendWith(ApplicationExtension.class)
class StudioDwposeFxTest {

    @TempDir
    static Path temp;

    private final BackgroundTasks tasks = new BackgroundTasks();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private StudioPreferences preferences;
    private StudioWindow window;
    private StudioFeatures features;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        folder = temp.resolve(UUID.randomUUID().toString());
        StudioHome home = new StudioHome(folder.resolve("home"));
        preferences = StudioPreferences.load(new PreferencesStore(home, new PreferenceRules(4)));
        preferences.update(preferences.current().withModelFolders(List.of(DwposeTestData.MODELS)).withThreadCount(1)
                .withShowGuide(false));
        window = StudioFixture.window(stage, StudioFixture.viewModel(tasks, home, dialogs));
        OnnxInferenceStatus inference = new OnnxInferenceStatus(() -> InferenceSettings.from(preferences.current()));
        features = StudioFeatures.install(window, preferences, "FV Studio test", inference, Optional.empty());
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        awaitIdle();
        tasks.close();
        FxToolkit.cleanupStages();
    }

    private void awaitIdle() {
        ExtractionWaits.awaitStopped(tasks, features.extraction().extraction());
    }

    private String aboutVersions(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("About FV Studio…");
        awaitJobs(tasks);
        String text = robot.lookup("#aboutVersions").queryAs(Label.class).getText();
        robot.clickOn("#aboutClose");
        return text;
    }

    @Test
    void aboutShowsTheOnnxRuntimeVersionAndDevicesAndExtractionUsesThePreferredModelFolder(FxRobot robot) throws Exception {
        String before = aboutVersions(robot);
        String version = OrtEnvironment.getEnvironment().getVersion();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
        String next = OnnxInferenceStatus.nextDevice(DevicePreference.AUTO,
                OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA));
        assertThat(before).contains("ONNX Runtime: " + version, "Device: " + next).doesNotContain("last used");

        Path image = copyResource("images/astronaut.png", folder.resolve("in"));
        fx(() -> window.viewModel().importReferenceFiles(List.of(image)));
        awaitJobs(tasks);
        String id = window.viewModel().project().references().get(0).id();
        fx(() -> features.extraction().extraction().detectPoseOnSelectedReference());
        awaitIdle();
        assertThat(dialogs.problems).isEmpty();
        assertThat(window.viewModel().project().reference(id).orElseThrow().pose().people()).hasSize(2);

        String after = aboutVersions(robot);
        assertThat(after).contains("ONNX Runtime: " + version, "Device: " + next + "; last used: DWPose: detector CPU, estimator CPU");
    }

    @Test
    void aModelFolderChangedInThePreferencesIsUsedByTheNextRun() throws Exception {
        Path image = copyResource("images/astronaut.png", folder.resolve("in"));
        fx(() -> window.viewModel().importReferenceFiles(List.of(image)));
        awaitJobs(tasks);
        Path empty = Files.createDirectories(folder.resolve("elsewhere"));
        fx(() -> {
            try {
                preferences.update(preferences.current().withModelFolders(List.of(empty))
                        .withPoseEstimator(PoseEstimator.DWPOSE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Project before = window.viewModel().project();

        fx(() -> features.extraction().extraction().detectPoseOnSelectedReference());
        awaitIdle();

        assertThat(window.viewModel().project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString()
                .contains("yolox_l.onnx", "dw-ll_ucoco_384.onnx", "into " + empty.toAbsolutePath());
    }
}
