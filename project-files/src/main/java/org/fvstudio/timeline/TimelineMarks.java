package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The artist's marks on the timeline: the in/out range that playback loops over and generation may be
 * limited to, and markers. Either end of the range may be unset ({@link #UNSET}): the range then starts
 * at frame 0 or ends at the last frame.
 *
 * @param in      first frame of the range, or {@link #UNSET}
 * @param out     last frame of the range, or {@link #UNSET}
 * @param markers markers sorted by frame, at most one per frame
 */
public record TimelineMarks(int in, int out, List<TimelineMarker> markers) {

    public static final int UNSET = -1;
    public static final TimelineMarks NONE = new TimelineMarks(UNSET, UNSET, List.of());

    public TimelineMarks {
        if (in < UNSET || out < UNSET) {
            throw new IllegalArgumentException("in and out must be frames >= 0 or unset, got " + in + " and " + out);
        }
        if (in != UNSET && out != UNSET && in > out) {
            throw new IllegalArgumentException("the in point " + in + " lies after the out point " + out);
        }
        List<TimelineMarker> sorted = new ArrayList<>(markers);
        sorted.sort(Comparator.comparingInt(TimelineMarker::frame));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).frame() == sorted.get(i - 1).frame()) {
                throw new IllegalArgumentException("two markers at frame " + sorted.get(i).frame());
            }
        }
        markers = List.copyOf(sorted);
    }

    public boolean hasIn() {
        return in != UNSET;
    }

    public boolean hasOut() {
        return out != UNSET;
    }

    public boolean isEmpty() {
        return !hasIn() && !hasOut() && markers.isEmpty();
    }

    /** The highest frame any mark refers to, or -1 when there is none. */
    public int lastFrameUsed() {
        int last = Math.max(in, out);
        return markers.isEmpty() ? last : Math.max(last, markers.get(markers.size() - 1).frame());
    }

    /** Sets the in point; an out point before it is unset. */
    public TimelineMarks withIn(int frame) {
        return new TimelineMarks(frame, hasOut() && out < frame ? UNSET : out, markers);
    }

    /** Sets the out point; an in point after it is unset. */
    public TimelineMarks withOut(int frame) {
        return new TimelineMarks(hasIn() && in > frame ? UNSET : in, frame, markers);
    }

    public TimelineMarks withRange(int newIn, int newOut) {
        return new TimelineMarks(newIn, newOut, markers);
    }

    public TimelineMarks withoutRange() {
        return new TimelineMarks(UNSET, UNSET, markers);
    }

    public Optional<TimelineMarker> markerAt(int frame) {
        return markers.stream().filter(m -> m.frame() == frame).findFirst();
    }

    public List<Integer> markerFrames() {
        return markers.stream().map(TimelineMarker::frame).toList();
    }

    /** Adds {@code marker}, replacing one at the same frame. */
    public TimelineMarks withMarker(TimelineMarker marker) {
        List<TimelineMarker> next = new ArrayList<>(markers);
        next.removeIf(m -> m.frame() == marker.frame());
        next.add(marker);
        return new TimelineMarks(in, out, next);
    }

    public TimelineMarks withoutMarker(int frame) {
        List<TimelineMarker> next = new ArrayList<>(markers);
        next.removeIf(m -> m.frame() == frame);
        return new TimelineMarks(in, out, next);
    }

    /** Adds an unlabelled marker at {@code frame}, or removes the one there. */
    public TimelineMarks toggleMarker(int frame) {
        return markerAt(frame).isPresent() ? withoutMarker(frame) : withMarker(TimelineMarker.at(frame));
    }

    /** These marks for a project of {@code frameCount} frames: range ends pulled in, markers past the end dropped. */
    public TimelineMarks clampedTo(int frameCount) {
        int last = frameCount - 1;
        if (lastFrameUsed() <= last) {
            return this;
        }
        List<TimelineMarker> kept = markers.stream().filter(m -> m.frame() <= last).toList();
        int newIn = hasIn() ? Math.min(in, last) : UNSET;
        int newOut = hasOut() ? Math.min(out, last) : UNSET;
        return new TimelineMarks(newIn, newOut, kept);
    }
}
