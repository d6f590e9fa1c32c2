package org.fvstudio.ui.preferences;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Preferences dialog's state: the fields as the user typed them. {@link #apply()} parses and checks
 * every field; invalid values are refused with one message per field (field name and reason) and
 * nothing is saved; valid ones are saved and put in force.
 */
public final class PreferencesViewModel {

    private final StudioPreferences preferences;
    private final StringProperty modelFolders = new SimpleStringProperty(this, "modelFolders");
    private final ObjectProperty<DefaultDevice> device = new SimpleObjectProperty<>(this, "device");
    private final StringProperty threads = new SimpleStringProperty(this, "threads");
    private final StringProperty autosaveMinutes = new SimpleStringProperty(this, "autosaveMinutes");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final StringProperty cacheLimitMb = new SimpleStringProperty(this, "cacheLimitMb");
    private final ObjectProperty<PoseEstimator> estimator = new SimpleObjectProperty<>(this, "estimator");
    private final ObservableList<PreferenceProblem> problems = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public PreferencesViewModel(StudioPreferences preferences) {
        this.preferences = preferences;
        reset();
    }

    /** Fills the fields from the preferences in force. */
    public void reset() {
        Preferences now = preferences.current();
        modelFolders.set(now.modelFolders().stream().map(Path::toString).collect(Collectors.joining("\n")));
        device.set(now.defaultDevice());
        threads.set(Integer.toString(now.threadCount()));
        autosaveMinutes.set(Integer.toString(now.autosaveMinutes()));
        theme.set(now.theme());
        cacheLimitMb.set(Long.toString(now.cacheLimitMb()));
        estimator.set(now.poseEstimator());
        problems.clear();
        message.set("");
    }

    /** Restores the first-run values in the fields (not saved until applied). */
    public void restoreDefaults() {
        Preferences defaults = preferences.store().defaults();
        modelFolders.set(defaults.modelFolders().stream().map(Path::toString).collect(Collectors.joining("\n")));
        device.set(defaults.defaultDevice());
        threads.set(Integer.toString(defaults.threadCount()));
        autosaveMinutes.set(Integer.toString(defaults.autosaveMinutes()));
        theme.set(defaults.theme());
        cacheLimitMb.set(Long.toString(defaults.cacheLimitMb()));
        estimator.set(defaults.poseEstimator());
    }

    /** Adds a folder (from a chooser) to the model folders when it is not listed yet. */
    public void addModelFolder(Path folder) {
        List<String> lines = new ArrayList<>(folderLines());
        if (!lines.contains(folder.toString())) {
            lines.add(folder.toString());
            modelFolders.set(String.join("\n", lines));
        }
    }

    /**
     * Checks every field; when all are valid, saves and puts them in force and returns true.
     * Otherwise {@link #problems()} lists each refused field with its reason and nothing is saved.
     */
    public boolean apply() {
        List<PreferenceProblem> found = new ArrayList<>();
        PreferenceRules rules = preferences.store().rules();
        List<Path> folders = parseFolders(found);
        found.addAll(rules.checkModelFolders(folders).stream()
                .filter(p -> !found.contains(p)).toList());
        Optional<Integer> threadCount = wholeNumber(Preferences.FIELD_THREADS, threads.get(), found)
                .map(Long::intValue);
        threadCount.flatMap(rules::checkThreads).ifPresent(found::add);
        Optional<Integer> autosave = wholeNumber(Preferences.FIELD_AUTOSAVE, autosaveMinutes.get(), found)
                .map(Long::intValue);
        autosave.flatMap(rules::checkAutosave).ifPresent(found::add);
        Optional<Long> cache = wholeNumber(Preferences.FIELD_CACHE, cacheLimitMb.get(), found);
        cache.flatMap(rules::checkCacheLimit).ifPresent(found::add);
        if (device.get() == null) {
            found.add(new PreferenceProblem(Preferences.FIELD_DEVICE, "choose auto, CPU or CUDA"));
        }
        if (theme.get() == null) {
            found.add(new PreferenceProblem(Preferences.FIELD_THEME, "choose light or dark"));
        }
        if (estimator.get() == null) {
            found.add(new PreferenceProblem(Preferences.FIELD_ESTIMATOR, "choose automatic, DWPose or embedded"));
        }
        if (!found.isEmpty()) {
            return refuse(found);
        }
        Preferences candidate = new Preferences(folders, device.get(), threadCount.get(), autosave.get(),
                theme.get(), cache.get(), preferences.current().showGuide(), estimator.get());
        try {
            preferences.update(candidate);
        } catch (InvalidPreferencesException e) {
            return refuse(e.problems());
        } catch (IOException e) {
            problems.clear();
            message.set("Preferences not saved: cannot write " + preferences.store().file() + " (" + e.getMessage() + ")");
            return false;
        }
        problems.clear();
        message.set("Preferences saved");
        return true;
    }

    private boolean refuse(List<PreferenceProblem> found) {
        problems.setAll(found);
        message.set("Not saved. " + found.stream().map(PreferenceProblem::message).collect(Collectors.joining("\n")));
        return false;
    }

    private List<String> folderLines() {
        String text = modelFolders.get() == null ? "" : modelFolders.get();
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private List<Path> parseFolders(List<PreferenceProblem> found) {
        List<Path> folders = new ArrayList<>();
        for (String line : folderLines()) {
            try {
                folders.add(Path.of(line));
            } catch (InvalidPathException e) {
                found.add(new PreferenceProblem(Preferences.FIELD_MODEL_FOLDERS,
                        "'" + line + "' is not a valid path (" + e.getReason() + ")"));
            }
        }
        return folders;
    }

    private static Optional<Long> wholeNumber(String field, String text, List<PreferenceProblem> found) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            found.add(new PreferenceProblem(field, "enter a whole number"));
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE) {
                found.add(new PreferenceProblem(field, "'" + value + "' is too large"));
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (NumberFormatException e) {
            found.add(new PreferenceProblem(field, "'" + value + "' is not a whole number"));
            return Optional.empty();
        }
    }

    public StringProperty modelFoldersProperty() {
        return modelFolders;
    }

    public ObjectProperty<PoseEstimator> estimatorProperty() {
        return estimator;
    }

    public ObjectProperty<DefaultDevice> deviceProperty() {
        return device;
    }

    public StringProperty threadsProperty() {
        return threads;
    }

    public StringProperty autosaveMinutesProperty() {
        return autosaveMinutes;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StringProperty cacheLimitMbProperty() {
        return cacheLimitMb;
    }

    /** The fields refused by the last {@link #apply()}. */
    public ObservableList<PreferenceProblem> problems() {
        return problems;
    }

    /** The outcome of the last {@link #apply()}, for the dialog's message line. */
    public StringProperty messageProperty() {
        return message;
    }

    public int processors() {
        return preferences.store().rules().processors();
    }
}
