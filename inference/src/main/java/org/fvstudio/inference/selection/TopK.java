package org.fvstudio.inference.selection;

import java.util.PriorityQueue;

/**
 * The K largest scores with a bounded heap (O(n log K)), ordered by descending score; equal scores go
 * to the smaller index, both when deciding who is kept and in the order. NaN scores are refused.
 */
public final class TopK {

    private TopK() {
    }

    /** Indices of the {@code min(k, scores.length)} best scores, best first. */
    public static int[] select(float[] scores, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int keep = Math.min(k, scores.length);
        if (keep == 0) {
            return new int[0];
        }
        // The heap's head is the worst kept token: lowest score, and among equals the largest index.
        PriorityQueue<Integer> heap = new PriorityQueue<>(keep, (a, b) -> {
            int c = Float.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (Float.isNaN(s)) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (heap.size() < keep) {
                heap.add(i);
            } else if (s > scores[heap.peek()]) {
                // an equal score never displaces: the kept one has the smaller index (we scan in order)
                heap.poll();
                heap.add(i);
            }
        }
        int[] out = new int[keep];
        for (int j = keep - 1; j >= 0; j--) {
            out[j] = heap.poll();
        }
        return out;
    }
}
