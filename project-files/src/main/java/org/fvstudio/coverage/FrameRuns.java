package org.fvstudio.coverage;

import java.util.ArrayList;
import java.util.List;

/** Consecutive frames where something holds, as inclusive ranges; short gaps are bridged, very short runs dropped. */
final class FrameRuns {

    /** A run may have up to this many frames without the condition inside it. */
    static final int GAP = 2;
    /** Runs shorter than this are left out (unless the shot itself is that short). */
    static final int MIN_LENGTH = 2;

    private FrameRuns() {
    }

    static List<int[]> of(boolean[] holds) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int last = -1;
        for (int f = 0; f < holds.length; f++) {
            if (!holds[f]) {
                continue;
            }
            if (start >= 0 && f - last - 1 <= GAP) {
                last = f;
            } else {
                add(runs, start, last, holds.length);
                start = f;
                last = f;
            }
        }
        add(runs, start, last, holds.length);
        return runs;
    }

    private static void add(List<int[]> runs, int start, int last, int frames) {
        if (start >= 0 && (last - start + 1 >= MIN_LENGTH || frames < MIN_LENGTH)) {
            runs.add(new int[] {start, last});
        }
    }
}
