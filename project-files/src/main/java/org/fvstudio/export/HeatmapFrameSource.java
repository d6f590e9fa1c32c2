package org.fvstudio.export;

import org.fvstudio.pose.render.RgbImage;

/** A decorator that lays each frame's correlation map over the frames of a base source (usually a reference still). */
public final class HeatmapFrameSource implements FrameSource {

    private final FrameSource base;
    private final MapSource maps;
    private final HeatmapScale scale;
    private final double opacity;

    /**
     * @param opacity 0 shows only the base image, 1 only the heatmap
     */
    public HeatmapFrameSource(FrameSource base, MapSource maps, HeatmapScale scale, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
        }
        this.base = base;
        this.maps = maps;
        this.scale = scale;
        this.opacity = opacity;
    }

    @Override
    public int frameCount() {
        return base.frameCount();
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public RgbImage frame(int index) throws ExportException {
        FloatMap map = maps.map(index);
        return HeatmapOverlay.overlay(base.frame(index), map, scale.rangeAt(index, map), opacity);
    }
}
