package org.fvstudio.ui.preferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The limits a preference value must respect on this machine. */
public final class PreferenceRules {

    public static final int MIN_AUTOSAVE_MINUTES = 1;
    public static final int MAX_AUTOSAVE_MINUTES = 60;
    public static final long MIN_CACHE_LIMIT_MB = 100;

    private final int processors;

    public PreferenceRules(int processors) {
        if (processors < 1) {
            throw new IllegalArgumentException("processor count must be at least 1, got " + processors);
        }
        this.processors = processors;
    }

    public static PreferenceRules forThisMachine() {
        return new PreferenceRules(Runtime.getRuntime().availableProcessors());
    }

    public int processors() {
        return processors;
    }

    /** Every problem of {@code preferences}, in the order the dialog shows the fields; empty when valid. */
    public List<PreferenceProblem> check(Preferences preferences) {
        List<PreferenceProblem> problems = new ArrayList<>(checkModelFolders(preferences.modelFolders()));
        checkThreads(preferences.threadCount()).ifPresent(problems::add);
        checkAutosave(preferences.autosaveMinutes()).ifPresent(problems::add);
        checkCacheLimit(preferences.cacheLimitMb()).ifPresent(problems::add);
        return problems;
    }

    public List<PreferenceProblem> checkModelFolders(List<Path> folders) {
        List<PreferenceProblem> problems = new ArrayList<>();
        if (folders.isEmpty()) {
            problems.add(new PreferenceProblem(Preferences.FIELD_MODEL_FOLDERS, "list at least one folder"));
        }
        for (Path folder : folders) {
            if (!folder.isAbsolute()) {
                problems.add(new PreferenceProblem(Preferences.FIELD_MODEL_FOLDERS,
                        "'" + folder + "' is not an absolute path"));
            } else if (Files.exists(folder) && !Files.isDirectory(folder)) {
                problems.add(new PreferenceProblem(Preferences.FIELD_MODEL_FOLDERS,
                        "'" + folder + "' is a file, not a folder"));
            }
        }
        return problems;
    }

    public Optional<PreferenceProblem> checkThreads(int threads) {
        if (threads < 0 || threads > processors) {
            return Optional.of(new PreferenceProblem(Preferences.FIELD_THREADS,
                    "must be between 1 and " + processors + " (this machine's processors), or 0 for automatic; got "
                            + threads));
        }
        return Optional.empty();
    }

    public Optional<PreferenceProblem> checkAutosave(int minutes) {
        if (minutes < MIN_AUTOSAVE_MINUTES || minutes > MAX_AUTOSAVE_MINUTES) {
            return Optional.of(new PreferenceProblem(Preferences.FIELD_AUTOSAVE,
                    "must be between " + MIN_AUTOSAVE_MINUTES + " and " + MAX_AUTOSAVE_MINUTES + " minutes; got "
                            + minutes));
        }
        return Optional.empty();
    }

    public Optional<PreferenceProblem> checkCacheLimit(long megabytes) {
        if (megabytes < MIN_CACHE_LIMIT_MB) {
            return Optional.of(new PreferenceProblem(Preferences.FIELD_CACHE,
                    "must be at least " + MIN_CACHE_LIMIT_MB + " MB; got " + megabytes));
        }
        return Optional.empty();
    }
}
