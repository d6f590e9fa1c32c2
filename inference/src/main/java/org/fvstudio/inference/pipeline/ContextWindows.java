package org.fvstudio.inference.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping context windows for temporal packs (docs/model-pack.md section 6): windows of {@code size}
 * frames starting at 0 with stride {@code size - overlap}, the last one aligned to the end; predictions of
 * overlapping windows are averaged with triangular weights {@code min(j + 1, size - j)}.
 */
public final class ContextWindows {

    private ContextWindows() {
    }

    /** Start offsets (into a sequence of {@code length} frames) of the windows covering it. */
    public static List<Integer> starts(int length, int size, int overlap) {
        if (size < 1 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("context window needs size >= 1 and 0 <= overlap < size, got "
                    + size + " / " + overlap);
        }
        List<Integer> starts = new ArrayList<>();
        if (length <= size) {
            starts.add(0);
            return starts;
        }
        int stride = size - overlap;
        int s = 0;
        while (s + size < length) {
            starts.add(s);
            s += stride;
        }
        starts.add(length - size);
        return starts;
    }

    public static double weight(int j, int size) {
        return Math.min(j + 1, size - j);
    }

    /**
     * Blends per-window predictions into one per frame: {@code windowPredictions.get(w)[j]} is the prediction
     * of frame {@code starts.get(w) + j}.
     */
    public static float[][] blend(int length, int size, List<Integer> starts, List<float[][]> windowPredictions) {
        float[][] out = new float[length][];
        double[] total = new double[length];
        for (int w = 0; w < starts.size(); w++) {
            float[][] pred = windowPredictions.get(w);
            int windowLength = Math.min(size, length);
            for (int j = 0; j < windowLength; j++) {
                int f = starts.get(w) + j;
                double weight = weight(j, windowLength);
                if (out[f] == null) {
                    out[f] = new float[pred[j].length];
                }
                for (int i = 0; i < pred[j].length; i++) {
                    out[f][i] += (float) (weight * pred[j][i]);
                }
                total[f] += weight;
            }
        }
        for (int f = 0; f < length; f++) {
            for (int i = 0; i < out[f].length; i++) {
                out[f][i] /= (float) total[f];
            }
        }
        return out;
    }
}
