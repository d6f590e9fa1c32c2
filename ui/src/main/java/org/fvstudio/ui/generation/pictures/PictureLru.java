package org.fvstudio.ui.generation.pictures;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.fvstudio.pose.render.RgbImage;

/**
 * The full-size pictures of generated frames held in memory: the least recently shown are dropped first once
 * their pixels pass the byte budget. A dropped picture is read again from the render cache when it is next
 * shown. Thread-safe: the generation thread adds, the FX thread and the loader read.
 */
public final class PictureLru {

    /** 128 frames of 512x512 (the bundled pack's size), 512 of 256x256. */
    public static final long DEFAULT_BUDGET_BYTES = 128L << 20;

    private long budgetBytes;
    private final LinkedHashMap<FramePicture, RgbImage> resident = new LinkedHashMap<>(64, 0.75f, true);
    private long residentBytes;

    public PictureLru(long budgetBytes) {
        this.budgetBytes = checked(budgetBytes);
    }

    /** The default budget, or a smaller one on a small heap: never more than an eighth of the heap. */
    public static PictureLru forThisHeap() {
        return new PictureLru(Math.min(DEFAULT_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 8));
    }

    synchronized Optional<RgbImage> get(FramePicture picture) {
        return Optional.ofNullable(resident.get(picture));
    }

    synchronized void put(FramePicture picture, RgbImage image) {
        RgbImage before = resident.put(picture, image);
        if (before != null) {
            residentBytes -= bytesOf(before);
        }
        residentBytes += bytesOf(image);
        evictBeyondBudget();
    }

    public synchronized long budgetBytes() {
        return budgetBytes;
    }

    /** A new budget; pictures beyond it are dropped at once. */
    public synchronized void setBudget(long bytes) {
        budgetBytes = checked(bytes);
        evictBeyondBudget();
    }

    public synchronized long residentBytes() {
        return residentBytes;
    }

    public synchronized int residentCount() {
        return resident.size();
    }

    public synchronized void clear() {
        resident.clear();
        residentBytes = 0;
    }

    private void evictBeyondBudget() {
        Iterator<Map.Entry<FramePicture, RgbImage>> eldest = resident.entrySet().iterator();
        // The newest picture stays even when it alone is over the budget: it is the one being shown.
        while (residentBytes > budgetBytes && resident.size() > 1) {
            Map.Entry<FramePicture, RgbImage> entry = eldest.next();
            residentBytes -= bytesOf(entry.getValue());
            eldest.remove();
        }
    }

    private static long checked(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("picture budget must be >= 0 bytes, got " + bytes);
        }
        return bytes;
    }

    static long bytesOf(RgbImage image) {
        return 4L * image.width() * image.height();
    }
}
