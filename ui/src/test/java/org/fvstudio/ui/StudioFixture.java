package org.fvstudio.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.project.io.FolderCopy;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.document.ProjectStorage;
import org.fvstudio.ui.help.InferenceStatus;
import org.fvstudio.ui.preferences.PreferenceRules;
import org.fvstudio.ui.preferences.PreferencesStore;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.studio.FxTestSupport;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.view.SkeletonImages;
import org.fvstudio.ui.view.StudioWindow;

/** A studio window with preferences, guide and Help menu installed, on a home folder of the test's own. */
public final class StudioFixture {

    public static final String VERSION = "FV Studio 0.1.0-test";

    public final StudioHome home;
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final BackgroundTasks tasks = new BackgroundTasks();
    public final StudioPreferences preferences;
    public final StudioWindow window;
    public final StudioFeatures features;

    public StudioFixture(Stage stage, Path homeFolder, Optional<BundledAssets> assets) {
        home = new StudioHome(homeFolder);
        preferences = StudioPreferences.load(new PreferencesStore(home, new PreferenceRules(4)));
        window = window(stage, viewModel(tasks, home, dialogs));
        features = StudioFeatures.install(window, preferences, VERSION, InferenceStatus.NONE, assets);
        stage.show();
    }

    /** The studio's view-model over project bundles, as the application makes it (call on the FX thread). */
    public static StudioViewModel viewModel(BackgroundTasks tasks, StudioHome home, StudioDialogs dialogs) {
        return new StudioViewModel(new BundleProjectStorage(), tasks, home, dialogs);
    }

    /** {@link #viewModel(BackgroundTasks, StudioHome, StudioDialogs)} with its home in {@code folder/home}. */
    public static StudioViewModel viewModel(BackgroundTasks tasks, Path folder, StudioDialogs dialogs) {
        return viewModel(tasks, new StudioHome(folder.resolve("home")), dialogs);
    }

    /** The bare main window over {@code viewModel}: no features installed, not shown yet. */
    public static StudioWindow window(Stage stage, StudioViewModel viewModel) {
        return new StudioWindow(stage, viewModel, new SkeletonImages()::draw);
    }

    /** A bare main window with its home in {@code folder/home}, shown. */
    public static StudioWindow shownWindow(Stage stage, BackgroundTasks tasks, Path folder, StudioDialogs dialogs) {
        StudioWindow window = window(stage, viewModel(tasks, folder, dialogs));
        stage.show();
        return window;
    }

    /** Imports the real cam03 pose sequence (100 frames) into {@code studio} and waits until it is in. */
    public static void importCam03(StudioViewModel studio, BackgroundTasks tasks) {
        FxTestSupport.fx(() -> studio.importPoseSequence(List.of(FxTestSupport.cam03Folder())));
        FxTestSupport.awaitJobs(tasks);
    }

    /**
     * An assets folder holding a sample project made from the real test images (two references),
     * a licence file beside the images, and the project's real NOTICE one level up.
     */
    public static BundledAssets sampleAssets(Path folder) {
        try {
            Path root = Files.createDirectories(folder.resolve("assets"));
            Files.copy(Path.of("..", "NOTICE"), folder.resolve("NOTICE"));
            Path sample = root.resolve(BundledAssets.SAMPLE_PROJECT);
            Path images = folder.resolve("source-images");
            Path astronaut = FxTestSupport.copyResource("images/astronaut.png", images);
            Path frame = FxTestSupport.copyResource("images/pose2sim_cam03_frame30.jpg", images);
            ProjectStorage storage = new BundleProjectStorage();
            storage.save(sample, Project.createNew("Sample"));
            ProjectStorage.ImportedImage first = storage.importReferenceImage(sample, astronaut);
            ProjectStorage.ImportedImage second = storage.importReferenceImage(sample, frame);
            Project project = Project.createNew("Sample").withReferences(List.of(
                    new ReferenceShot("ref-1", "Close-up", first.fileName(),
                            Pose.empty(first.width(), first.height()), ShotScale.CLOSE_UP, true, ""),
                    new ReferenceShot("ref-2", "Wide", second.fileName(),
                            Pose.empty(second.width(), second.height()), ShotScale.WIDE, true, "")));
            storage.save(sample, project);
            Path licenceFolder = Files.createDirectories(root.resolve("sample").resolve("licences"));
            FxTestSupport.copyResource("images/LICENSE-pose2sim", licenceFolder);
            return BundledAssets.at(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test assets in " + folder, e);
        }
    }

    /** A copy of the bundled sample project in {@code dir} (tests must never write into the bundled one). */
    public static Path copySample(Path dir) {
        Path sample = BundledAssets.locate().flatMap(BundledAssets::sampleProject)
                .orElseThrow(() -> new IllegalStateException("the bundled sample project is missing from assets/"));
        Path copy = dir.resolve(sample.getFileName().toString());
        try {
            FolderCopy.copy(sample, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample project into " + dir, e);
        }
        return copy;
    }

    /** SHA-256 of every file under {@code folder}, by relative path: equal maps mean an untouched folder. */
    public static TreeMap<String, String> fingerprint(Path folder) {
        TreeMap<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }
}
