package org.fvstudio.inference.job;

import java.util.List;

/** One PCM correlation map per reference for one target frame (raw scores on the PCM grid, row-major). */
public record CorrelationMaps(List<String> referenceIds, int height, int width, float[][] values) {

    public CorrelationMaps {
        referenceIds = List.copyOf(referenceIds);
        if (values.length != referenceIds.size()) {
            throw new IllegalArgumentException(values.length + " maps for " + referenceIds.size() + " references");
        }
    }

    public float[] of(int reference) {
        return values[reference];
    }

    /** Value range over all maps, for a shared heatmap scale. */
    public float[] range() {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] m : values) {
            for (float v : m) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new float[] {lo, hi};
    }
}
