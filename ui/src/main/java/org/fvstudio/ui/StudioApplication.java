package org.fvstudio.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.firstrun.SampleProjectInstaller;
import org.fvstudio.ui.firstrun.StudioStartup;
import org.fvstudio.ui.help.AboutInfo;
import org.fvstudio.ui.help.InferenceStatus;
import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.inference.OnnxInferenceStatus;
import org.fvstudio.ui.preferences.PreferenceRules;
import org.fvstudio.ui.preferences.PreferencesStore;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.FxStudioDialogs;
import org.fvstudio.ui.view.SkeletonImages;
import org.fvstudio.ui.view.StudioWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the studio window, optionally opening a project at start. */
public final class StudioApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(StudioApplication.class);

    private static volatile Path initialProject;
    private static volatile String versionText = "FV Studio";
    private BackgroundTasks tasks;

    /**
     * Starts JavaFX and blocks until the last window closes.
     *
     * @param project the project to open, or null for the user's copy of the bundled sample project
     */
    public static void launchStudio(Path project, String version) {
        initialProject = project;
        versionText = version;
        Application.launch(StudioApplication.class);
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, problem) ->
                LOG.error("Unexpected error on the FX thread", problem));
        LOG.info("{} starting", versionText);
        tasks = new BackgroundTasks();
        StudioHome home = StudioHome.fromSystem();
        Studio studio = buildStudio(stage, tasks, home, versionText);
        stage.show();
        LOG.info("Studio window shown ({} x {})", (int) stage.getWidth(), (int) stage.getHeight());
        logVersionsInBackground(() -> AboutInfo.gather(versionText, studio.inference(), studio.assets()));
        if (!studio.preferences().loaded().warnings().isEmpty()) {
            new FxStudioDialogs(stage).showProblem("Preferences reset to defaults",
                    String.join("\n", studio.preferences().loaded().warnings()));
        }
        StudioStartup.begin(studio.window().viewModel(), studio.preferences(),
                new SampleProjectInstaller(home, studio.assets()), studio.features().guide(), initialProject);
    }

    /** The studio as the application builds it: window, preferences and features; not shown yet. */
    public record Studio(StudioWindow window, StudioPreferences preferences, StudioFeatures features,
                         InferenceStatus inference, Optional<BundledAssets> assets) {
    }

    /** Builds the whole studio on {@code stage} (also what {@code fvstudio bench memory} measures); FX thread. */
    public static Studio buildStudio(Stage stage, BackgroundTasks tasks, StudioHome home, String version) {
        StudioPreferences preferences = StudioPreferences.load(
                new PreferencesStore(home, PreferenceRules.forThisMachine()));
        StudioWindow window = createWindow(stage, tasks, home);
        Optional<BundledAssets> assets = BundledAssets.locate();
        InferenceStatus inference = new OnnxInferenceStatus(() -> InferenceSettings.from(preferences.current()));
        StudioFeatures features = StudioFeatures.install(window, preferences, version, inference, assets);
        return new Studio(window, preferences, features, inference, assets);
    }

    /**
     * Every start logs the versions a bug report needs (Java, JavaFX, ONNX Runtime, FFmpeg, device). Starting
     * ONNX Runtime and FFmpeg takes a moment, so it happens beside the window, not before it.
     */
    private static void logVersionsInBackground(Supplier<AboutInfo> versions) {
        Thread thread = new Thread(() -> {
            try {
                LOG.info("Versions:\n{}", versions.get().versionsText());
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Could not read the runtime versions", e);
            }
        }, "fvstudio-versions");
        thread.setDaemon(true);
        thread.start();
    }

    /** Builds the window on {@code stage} (used by tests as well). */
    public static StudioWindow createWindow(Stage stage, BackgroundTasks tasks, StudioHome home) {
        FxStudioDialogs dialogs = new FxStudioDialogs(stage);
        StudioViewModel viewModel = new StudioViewModel(new BundleProjectStorage(), tasks, home, dialogs);
        SkeletonImages skeletons = new SkeletonImages();
        return new StudioWindow(stage, viewModel, skeletons::draw);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        LOG.info("FV Studio stopped");
        Platform.exit();
    }
}
