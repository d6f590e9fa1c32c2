package org.fvstudio.ui.video;

import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used map of bounded size (access order: a hit makes an entry the newest). */
final class FrameLru<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    FrameLru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > FrameLru.this.capacity;
            }
        };
    }

    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        entries.put(key, value);
    }

    int size() {
        return entries.size();
    }

    boolean contains(K key) {
        return entries.containsKey(key);
    }

    void clear() {
        entries.clear();
    }
}
