package org.fvstudio.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.fvstudio.ui.settings.StudioHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {

    @TempDir
    Path temp;

    private StudioHome home;
    private PreferencesStore store;

    @BeforeEach
    void setUp() {
        home = new StudioHome(temp.resolve("home"));
        store = new PreferencesStore(home, new PreferenceRules(4));
    }

    @Test
    void firstRunGivesTheDefaultsWithoutWarnings() {
        PreferencesLoad load = store.load();

        assertThat(load.firstRun()).isTrue();
        assertThat(load.warnings()).isEmpty();
        Preferences defaults = load.preferences();
        assertThat(defaults.modelFolders()).containsExactly(home.root().resolve("models").resolve("dwpose"));
        assertThat(defaults.defaultDevice()).isEqualTo(DefaultDevice.AUTO);
        assertThat(defaults.threadCount()).isZero();
        assertThat(defaults.autosaveMinutes()).isEqualTo(2);
        assertThat(defaults.theme()).isEqualTo(Theme.LIGHT);
        assertThat(defaults.cacheLimitMb()).isEqualTo(2048);
        assertThat(defaults.showGuide()).isTrue();
        assertThat(store.file()).isEqualTo(home.root().resolve("preferences.json"));
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void savedPreferencesLoadBackEqual() throws Exception {
        Preferences changed = new Preferences(
                List.of(temp.resolve("models a"), temp.resolve("dwpose-models")), DefaultDevice.CUDA, 3, 15,
                Theme.DARK, 750, false);

        store.save(changed);
        PreferencesLoad load = new PreferencesStore(home, new PreferenceRules(4)).load();

        assertThat(load.preferences()).isEqualTo(changed);
        assertThat(load.warnings()).isEmpty();
        assertThat(load.firstRun()).isFalse();
        String json = Files.readString(store.file());
        assertThat(json).contains("\"format\" : \"fvstudio-preferences\"", "\"theme\" : \"dark\"",
                "\"default_device\" : \"cuda\"", "\"threads\" : 3", "\"cache_limit_mb\" : 750");
        try (Stream<Path> files = Files.list(home.root())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("preferences.json");
        }
    }

    @Test
    void thePoseEstimatorIsSavedAndAnUnknownOneFallsBackToAutomatic() throws Exception {
        assertThat(store.defaults().poseEstimator()).isEqualTo(PoseEstimator.AUTO);
        Preferences embedded = store.defaults().withPoseEstimator(PoseEstimator.EMBEDDED);
        store.save(embedded);
        assertThat(Files.readString(store.file())).contains("\"pose_estimator\" : \"embedded\"");
        assertThat(store.load().preferences().poseEstimator()).isEqualTo(PoseEstimator.EMBEDDED);

        Files.writeString(store.file(), Files.readString(store.file()).replace("\"embedded\"", "\"openpose\""));
        PreferencesLoad load = store.load();
        assertThat(load.preferences().poseEstimator()).isEqualTo(PoseEstimator.AUTO);
        assertThat(load.warnings()).singleElement().asString()
                .contains(store.file().toString(), "pose_estimator", "auto, dwpose or embedded", "openpose");
    }

    @Test
    void corruptFileGivesDefaultsAndAWarningNamingFileAndProblem() throws Exception {
        Files.createDirectories(home.root());
        Files.writeString(store.file(), "{\"format\": \"fvstudio-preferences\", \"version\": 1, \"theme\": ");

        PreferencesLoad load = store.load();

        assertThat(load.preferences()).isEqualTo(store.defaults());
        assertThat(load.warnings()).singleElement().asString()
                .contains(store.file().toString())
                .contains("is not valid JSON")
                .contains("line 1")
                .contains("using the default preferences");
    }

    @Test
    void fileOfAnotherKindGivesDefaultsAndAWarning() throws Exception {
        Files.createDirectories(home.root());
        Files.writeString(store.file(), "[1, 2, 3]");
        assertThat(store.load().warnings()).singleElement().asString()
                .contains(store.file().toString()).contains("does not hold a JSON object");

        Files.writeString(store.file(), "{\"format\": \"fvstudio-project\", \"version\": 1}");
        assertThat(store.load().warnings()).singleElement().asString()
                .contains("is not an FV Studio preferences file");

        Files.writeString(store.file(), "{\"format\": \"fvstudio-preferences\", \"version\": 7}");
        PreferencesLoad future = store.load();
        assertThat(future.preferences()).isEqualTo(store.defaults());
        assertThat(future.warnings()).singleElement().asString()
                .contains("has version 7, this FV Studio reads version 1");
    }

    @Test
    void eachInvalidValueInTheFileFallsBackToItsDefaultWithAWarning() throws Exception {
        Files.createDirectories(home.root());
        Files.writeString(store.file(), """
                {"format": "fvstudio-preferences", "version": 1,
                 "model_folders": ["relative/models"], "default_device": "tpu", "threads": 9,
                 "autosave_minutes": 0, "theme": "purple", "cache_limit_mb": 50, "show_guide": "no"}
                """);

        PreferencesLoad load = store.load();

        assertThat(load.preferences()).isEqualTo(store.defaults());
        assertThat(load.warnings()).hasSize(7).allSatisfy(w -> assertThat(w).startsWith(store.file().toString()));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"model_folders\" 'relative/models' is not an absolute path"));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"default_device\" must be auto, cpu or cuda, found \"tpu\"; using the default (auto)"));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"threads\" must be between 1 and 4 (this machine's processors), or 0 for automatic; got 9"));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"autosave_minutes\" must be between 1 and 60 minutes; got 0"));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"theme\" must be light or dark, found \"purple\""));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"cache_limit_mb\" must be at least 100 MB; got 50"));
        assertThat(load.warnings()).anySatisfy(w -> assertThat(w)
                .contains("\"show_guide\" expected true or false, found \"no\""));
    }

    @Test
    void oneBadValueKeepsTheOtherValues() throws Exception {
        Files.createDirectories(home.root());
        Files.writeString(store.file(), """
                {"format": "fvstudio-preferences", "version": 1, "theme": "dark", "threads": "many",
                 "autosave_minutes": 10}
                """);

        PreferencesLoad load = store.load();

        assertThat(load.preferences().theme()).isEqualTo(Theme.DARK);
        assertThat(load.preferences().autosaveMinutes()).isEqualTo(10);
        assertThat(load.preferences().threadCount()).isZero();
        assertThat(load.warnings()).singleElement().asString()
                .contains("\"threads\" expected a whole number, found \"many\"; using the default (0)");
    }

    @Test
    void eachInvalidValueIsRefusedWithItsMessageAndNothingIsWritten() throws Exception {
        Preferences valid = store.defaults();
        store.save(valid.withTheme(Theme.DARK));
        String before = Files.readString(store.file());

        assertRefused(valid.withThreadCount(-1), "Thread count: must be between 1 and 4 (this machine's processors), or 0 for automatic; got -1");
        assertRefused(valid.withThreadCount(5), "Thread count: must be between 1 and 4 (this machine's processors), or 0 for automatic; got 5");
        assertRefused(valid.withAutosaveMinutes(0), "Autosave interval: must be between 1 and 60 minutes; got 0");
        assertRefused(valid.withAutosaveMinutes(61), "Autosave interval: must be between 1 and 60 minutes; got 61");
        assertRefused(valid.withCacheLimitMb(99), "Cache size limit: must be at least 100 MB; got 99");
        assertRefused(valid.withModelFolders(List.of()), "Model folders: list at least one folder");
        assertRefused(valid.withModelFolders(List.of(Path.of("models"))), "Model folders: 'models' is not an absolute path");
        Path file = Files.writeString(temp.resolve("not-a-folder.onnx"), "x");
        assertRefused(valid.withModelFolders(List.of(file)), "Model folders: '" + file + "' is a file, not a folder");

        assertThat(Files.readString(store.file())).isEqualTo(before);
        assertThat(store.load().preferences()).isEqualTo(valid.withTheme(Theme.DARK));
    }

    @Test
    void limitsAreInclusive() throws Exception {
        Preferences edges = store.defaults().withThreadCount(4).withAutosaveMinutes(60).withCacheLimitMb(100);
        store.save(edges);
        assertThat(store.load().preferences()).isEqualTo(edges);
        store.save(edges.withThreadCount(1).withAutosaveMinutes(1));
        assertThat(store.load().preferences().threadCount()).isEqualTo(1);
    }

    private void assertRefused(Preferences preferences, String message) {
        assertThatThrownBy(() -> store.save(preferences))
                .isInstanceOf(InvalidPreferencesException.class)
                .hasMessage(message);
    }
}
