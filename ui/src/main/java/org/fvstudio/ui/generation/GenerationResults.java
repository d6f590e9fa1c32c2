package org.fvstudio.ui.generation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import org.fvstudio.cache.CacheKey;

/**
 * The generated frames shown for the open project and which of them are stale: a frame is stale when the
 * key of its current inputs differs from the key its result was made from. Frames never generated are
 * missing, not stale. FX thread only.
 */
public final class GenerationResults {

    private final ObservableMap<Integer, GeneratedFrame> frames = FXCollections.observableHashMap();
    private final ObservableSet<Integer> stale = FXCollections.observableSet(new TreeSet<>());
    private final LongProperty changes = new SimpleLongProperty(this, "changes");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private int loadingDone;
    private int loadingTotal;
    private Map<Integer, CacheKey> currentKeys = Map.of();

    public ObservableMap<Integer, GeneratedFrame> frames() {
        return FXCollections.unmodifiableObservableMap(frames);
    }

    /** The stale frames, ascending. */
    public ObservableSet<Integer> stale() {
        return FXCollections.unmodifiableObservableSet(stale);
    }

    /** Bumped after every change, so views can redraw once. */
    public ReadOnlyLongProperty changesProperty() {
        return changes;
    }

    /**
     * True from opening a project until its render cache has been read: a frame without a result may still
     * have one on disk, so it is "loading", not missing.
     */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** "Loading the render cache: 120 of 902 frames read". */
    public String loadingText() {
        return loadingTotal == 0 ? "Loading the render cache…"
                : "Loading the render cache: " + loadingDone + " of " + loadingTotal + " frames read";
    }

    /** Results of another project are about to be read from its cache. */
    public void startLoading() {
        loadingDone = 0;
        loadingTotal = 0;
        loading.set(true);
        changes.set(changes.get() + 1);
    }

    public void loadingProgress(int done, int total) {
        loadingDone = done;
        loadingTotal = total;
        changes.set(changes.get() + 1);
    }

    public void finishLoading() {
        if (loading.get()) {
            loading.set(false);
            changes.set(changes.get() + 1);
        }
    }

    public Optional<GeneratedFrame> at(int frame) {
        return Optional.ofNullable(frames.get(frame));
    }

    public boolean isStale(int frame) {
        return stale.contains(frame);
    }

    /** The keys of the shown results, for a background refresh to skip what is already shown. */
    public Map<Integer, CacheKey> shownKeys() {
        Map<Integer, CacheKey> keys = new HashMap<>();
        frames.forEach((frame, result) -> keys.put(frame, result.key()));
        return keys;
    }

    /** The candidates that have no result or a stale one, in the given order. */
    public List<Integer> needingGeneration(Collection<Integer> candidates) {
        List<Integer> out = new ArrayList<>();
        for (int frame : candidates) {
            if (!frames.containsKey(frame) || stale.contains(frame)) {
                out.add(frame);
            }
        }
        return out;
    }

    /** A frame just generated (its key is that of the inputs it was made from). */
    public void put(GeneratedFrame result) {
        frames.put(result.frame(), result);
        markStaleness(result.frame());
        changes.set(changes.get() + 1);
    }

    /**
     * The keys of the project's current inputs (empty when they cannot be computed) and results restored
     * from the cache; results beyond {@code frameCount} are dropped.
     */
    public void update(Map<Integer, CacheKey> keys, Map<Integer, GeneratedFrame> restored, int frameCount) {
        currentKeys = Map.copyOf(keys);
        frames.keySet().removeIf(frame -> frame >= frameCount);
        stale.removeIf(frame -> frame >= frameCount);
        restored.forEach(frames::put);
        for (int frame : List.copyOf(frames.keySet())) {
            markStaleness(frame);
        }
        changes.set(changes.get() + 1);
    }

    public void clear() {
        frames.clear();
        stale.clear();
        changes.set(changes.get() + 1);
    }

    private void markStaleness(int frame) {
        CacheKey current = currentKeys.get(frame);
        GeneratedFrame result = frames.get(frame);
        if (result != null && current != null && !current.equals(result.key())) {
            stale.add(frame);
        } else {
            stale.remove(frame);
        }
    }
}
