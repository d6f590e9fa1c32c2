package org.fvstudio.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.ui.settings.StudioHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesViewModelTest {

    @TempDir
    Path temp;

    private PreferencesStore store;
    private StudioPreferences preferences;
    private PreferencesViewModel model;

    @BeforeEach
    void setUp() {
        store = new PreferencesStore(new StudioHome(temp.resolve("home")), new PreferenceRules(4));
        preferences = StudioPreferences.load(store);
        model = new PreferencesViewModel(preferences);
    }

    @Test
    void fieldsStartFromThePreferencesInForce() {
        assertThat(model.threadsProperty().get()).isEqualTo("0");
        assertThat(model.autosaveMinutesProperty().get()).isEqualTo("2");
        assertThat(model.cacheLimitMbProperty().get()).isEqualTo("2048");
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(model.deviceProperty().get()).isEqualTo(DefaultDevice.AUTO);
        assertThat(model.modelFoldersProperty().get())
                .isEqualTo(temp.resolve("home").resolve("models").resolve("dwpose").toString());
    }

    @Test
    void textThatIsNotANumberIsRefusedWithFieldAndReason() {
        model.threadsProperty().set("eight");

        assertThat(model.apply()).isFalse();

        assertThat(model.problems()).containsExactly(
                new PreferenceProblem(Preferences.FIELD_THREADS, "'eight' is not a whole number"));
        assertThat(model.messageProperty().get()).isEqualTo("Not saved. Thread count: 'eight' is not a whole number");
        assertThat(store.file()).doesNotExist();
        assertThat(preferences.current()).isEqualTo(store.defaults());
    }

    @Test
    void everyRefusedFieldIsListedAndNothingChanges() {
        model.threadsProperty().set("12");
        model.autosaveMinutesProperty().set("");
        model.cacheLimitMbProperty().set("64");
        model.modelFoldersProperty().set("models/dwpose");
        model.themeProperty().set(Theme.DARK);

        assertThat(model.apply()).isFalse();

        assertThat(model.problems()).extracting(PreferenceProblem::message).containsExactly(
                "Model folders: 'models/dwpose' is not an absolute path",
                "Thread count: must be between 1 and 4 (this machine's processors), or 0 for automatic; got 12",
                "Autosave interval: enter a whole number",
                "Cache size limit: must be at least 100 MB; got 64");
        assertThat(preferences.current().theme()).isEqualTo(Theme.LIGHT);
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void validValuesAreSavedAndPutInForce() throws Exception {
        Path extra = Files.createDirectories(temp.resolve("my models"));
        model.addModelFolder(extra);
        model.addModelFolder(extra);
        model.threadsProperty().set(" 3 ");
        model.autosaveMinutesProperty().set("10");
        model.cacheLimitMbProperty().set("100");
        model.deviceProperty().set(DefaultDevice.CPU);
        model.themeProperty().set(Theme.DARK);

        assertThat(model.apply()).isTrue();

        Preferences now = preferences.current();
        assertThat(now.modelFolders()).containsExactly(
                temp.resolve("home").resolve("models").resolve("dwpose"), extra);
        assertThat(now.threadCount()).isEqualTo(3);
        assertThat(now.autosaveMinutes()).isEqualTo(10);
        assertThat(now.cacheLimitMb()).isEqualTo(100);
        assertThat(now.defaultDevice()).isEqualTo(DefaultDevice.CPU);
        assertThat(now.theme()).isEqualTo(Theme.DARK);
        assertThat(model.problems()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Preferences saved");
        assertThat(store.load().preferences()).isEqualTo(now);
    }

    @Test
    void aRefusalIsClearedByTheNextGoodApply() {
        model.autosaveMinutesProperty().set("90");
        assertThat(model.apply()).isFalse();
        assertThat(model.problems()).extracting(PreferenceProblem::field).containsExactly(Preferences.FIELD_AUTOSAVE);

        model.autosaveMinutesProperty().set("60");
        assertThat(model.apply()).isTrue();
        assertThat(model.problems()).isEmpty();
        assertThat(preferences.current().autosaveMinutes()).isEqualTo(60);
    }

    @Test
    void restoreDefaultsRefillsTheFieldsButSavesOnlyOnApply() throws Exception {
        preferences.update(store.defaults().withTheme(Theme.DARK).withThreadCount(2));
        model.reset();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);

        model.restoreDefaults();
        assertThat(model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(model.threadsProperty().get()).isEqualTo("0");
        assertThat(preferences.current().theme()).isEqualTo(Theme.DARK);

        assertThat(model.apply()).isTrue();
        assertThat(store.load().preferences().theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theGuideSettingIsKeptWhenTheDialogSaves() throws Exception {
        preferences.update(store.defaults().withShowGuide(false));
        model.reset();
        model.threadsProperty().set("1");
        assertThat(model.apply()).isTrue();
        assertThat(preferences.current().showGuide()).isFalse();
    }
}
