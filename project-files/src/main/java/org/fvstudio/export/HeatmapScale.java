package org.fvstudio.export;

import java.util.ArrayList;
import java.util.List;

/** How the colour range of a heatmap is chosen at a frame. */
@FunctionalInterface
public interface HeatmapScale {

    HeatmapRange rangeAt(int frame, FloatMap map) throws ExportException;

    /** The same range at every frame and for every map (a stable legend). */
    static HeatmapScale fixed(HeatmapRange range) {
        return (frame, map) -> range;
    }

    /** Each map stretched over its own min..max. */
    static HeatmapScale perMap() {
        return (frame, map) -> HeatmapRange.of(map);
    }

    /** At each frame, one range over the maps of all the given references, so their colours compare. */
    static HeatmapScale sharedAcross(List<MapSource> references) {
        List<MapSource> sources = List.copyOf(references);
        return new HeatmapScale() {
            private int cachedFrame = -1;
            private HeatmapRange cached;

            @Override
            public synchronized HeatmapRange rangeAt(int frame, FloatMap map) throws ExportException {
                if (frame != cachedFrame) {
                    List<FloatMap> maps = new ArrayList<>(sources.size());
                    for (MapSource source : sources) {
                        maps.add(source.map(frame));
                    }
                    cached = HeatmapRange.shared(maps);
                    cachedFrame = frame;
                }
                return cached;
            }
        };
    }
}
