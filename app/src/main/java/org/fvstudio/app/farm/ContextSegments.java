package org.fvstudio.app.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which frames a render must generate so that each requested frame comes out as on one machine. A temporal pack
 * denoises segments of L consecutive frames together (its context windows blended inside a segment), so a frame
 * depends on every frame of its segment. Segments are aligned to frame 0 ({@code [sL, (s+1)L)}, the last one cut at
 * the project's end) whatever frames a worker was given, and a chunk generates each segment it touches in full: the
 * frames of those segments outside the chunk are its context, computed and thrown away. Frame-independent packs
 * (L = 1) generate exactly the requested frames. The generation job cuts its list into runs of L from the start,
 * which these whole, increasing segments keep aligned.
 */
public final class ContextSegments {

    private ContextSegments() {
    }

    /** The frames to generate for {@code requested}, increasing. */
    public static List<Integer> framesToGenerate(List<Integer> requested, int segmentLength, int frameCount) {
        if (segmentLength <= 1) {
            return List.copyOf(new TreeSet<>(requested));
        }
        SortedSet<Integer> segments = new TreeSet<>();
        for (int frame : requested) {
            segments.add(frame / segmentLength);
        }
        List<Integer> frames = new ArrayList<>();
        for (int s : segments) {
            int end = Math.min(frameCount, (s + 1) * segmentLength);
            for (int f = s * segmentLength; f < end; f++) {
                frames.add(f);
            }
        }
        return frames;
    }
}
