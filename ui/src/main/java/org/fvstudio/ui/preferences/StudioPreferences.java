package org.fvstudio.ui.preferences;

import java.io.IOException;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preferences in force, observable on the FX thread: the theme, autosave timer and guide listen
 * to it. Changes go through {@link #update}, which saves first, so what is in force is what is on disk.
 */
public final class StudioPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(StudioPreferences.class);

    private final PreferencesStore store;
    private final ReadOnlyObjectWrapper<Preferences> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final PreferencesLoad loaded;

    private StudioPreferences(PreferencesStore store, PreferencesLoad loaded) {
        this.store = store;
        this.loaded = loaded;
        current.set(loaded.preferences());
    }

    /** Loads the file (defaults and warnings when it is missing or bad). */
    public static StudioPreferences load(PreferencesStore store) {
        return new StudioPreferences(store, store.load());
    }

    public PreferencesStore store() {
        return store;
    }

    /** What happened at load: the warnings to show and whether this is the first run. */
    public PreferencesLoad loaded() {
        return loaded;
    }

    public ReadOnlyObjectProperty<Preferences> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Preferences current() {
        return current.get();
    }

    /** Saves {@code preferences} and puts them in force; on any problem nothing changes. */
    public void update(Preferences preferences) throws InvalidPreferencesException, IOException {
        store.save(preferences);
        current.set(preferences);
        LOG.info("Preferences saved to {}", store.file());
    }

    /** Like {@link #update} for changes made by the studio itself (not typed by the user); problems are logged. */
    public List<String> updateQuietly(Preferences preferences) {
        try {
            update(preferences);
            return List.of();
        } catch (InvalidPreferencesException e) {
            LOG.warn("Preferences not saved: {}", e.getMessage());
            return List.of(e.getMessage());
        } catch (IOException e) {
            String message = "Cannot save " + store.file() + ": " + e.getMessage();
            LOG.warn(message);
            return List.of(message);
        }
    }
}
