package org.fvstudio.export;

import java.util.List;

/** The values mapped to the two ends of the colour map (for the legend too). */
public record HeatmapRange(float min, float max) {

    public HeatmapRange {
        if (!Float.isFinite(min) || !Float.isFinite(max) || max < min) {
            throw new IllegalArgumentException("invalid heatmap range [" + min + ", " + max + "]");
        }
    }

    /** The range of one map. */
    public static HeatmapRange of(FloatMap map) {
        return new HeatmapRange(map.min(), map.max());
    }

    /** One scale shared by several maps, so their colours compare. */
    public static HeatmapRange shared(List<FloatMap> maps) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (FloatMap map : maps) {
            min = Math.min(min, map.min());
            max = Math.max(max, map.max());
        }
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no maps to share a range");
        }
        return new HeatmapRange(min, max);
    }

    /** value scaled to [0, 1]; a flat range maps everything to 0. */
    public double normalise(double value) {
        double span = max - min;
        if (span <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, (value - min) / span));
    }
}
