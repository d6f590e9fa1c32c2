package org.fvstudio.ui.generation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What Generate would queue now, shown before it starts: the range, the frames and how long they should take.
 *
 * @param eta         frames x steps x the seconds per step measured on this machine; empty before any frame
 *                    was generated or read from the cache
 * @param cacheLoading true while the render cache is still being read, so "stale and missing" is not known yet
 */
public record GenerationPlan(FrameRange range, List<Integer> frames, int steps, Optional<Duration> eta,
                             boolean cacheLoading) {

    public GenerationPlan {
        frames = List.copyOf(frames);
    }

    public int count() {
        return frames.size();
    }

    /** "41 frames (120–160) · about 0:37", "1 frame (12) · time known after the first frame". */
    public String describe() {
        if (cacheLoading && range == FrameRange.STALE) {
            return "Counting stale frames once the render cache is read";
        }
        if (frames.isEmpty()) {
            return range == FrameRange.STALE ? "Nothing to generate: no stale or missing frames"
                    : "Nothing to generate: the frame range is empty";
        }
        int first = frames.get(0);
        int last = frames.get(frames.size() - 1);
        String which = frames.size() == 1 ? "1 frame (" + first + ")"
                : last - first + 1 == frames.size() ? frames.size() + " frames (" + first + "–" + last + ")"
                : frames.size() + " frames (" + first + "…" + last + ")";
        return which + " · " + eta.map(d -> "about " + clock(d)).orElse("time known after the first frame");
    }

    /** 0:37, 2:23, 1:05:00. */
    static String clock(Duration d) {
        long seconds = Math.max(1, Math.round(d.toMillis() / 1000.0));
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
