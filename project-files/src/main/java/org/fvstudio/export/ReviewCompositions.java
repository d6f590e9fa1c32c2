package org.fvstudio.export;

import java.util.ArrayList;
import java.util.List;

/** The review videos of the export dialog, built from the decorators. */
public final class ReviewCompositions {

    /**
     * @param opacity     heatmap opacity over the reference image
     * @param sharedScale one colour range per frame across the references (else each map uses its own)
     * @param height      height of the composed frame; every panel is scaled to it
     * @param labels      captions on the panels
     */
    public record Style(double opacity, boolean sharedScale, int height, boolean labels) {

        public static Style defaults(int height) {
            return new Style(0.6, true, height, true);
        }
    }

    private ReviewCompositions() {
    }

    /** target skeleton | generated frame | each reference with its heatmap. */
    public static SideBySideFrameSource sideBySide(FrameSource targetSkeleton, FrameSource generated,
                                                   List<ReferenceHeatmap> references, Style style) {
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel(targetSkeleton, "target pose"));
        panels.add(new Panel(generated, "generated"));
        panels.addAll(heatmapPanels(generated.frameCount(), references, style));
        return new SideBySideFrameSource(panels, style.height(), style.labels());
    }

    /** Only the references with their heatmaps, side by side. */
    public static SideBySideFrameSource heatmapsOnly(int frameCount, List<ReferenceHeatmap> references, Style style) {
        return new SideBySideFrameSource(heatmapPanels(frameCount, references, style), style.height(), style.labels());
    }

    private static List<Panel> heatmapPanels(int frameCount, List<ReferenceHeatmap> references, Style style) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("no references to show heatmaps for");
        }
        HeatmapScale scale = style.sharedScale()
                ? HeatmapScale.sharedAcross(references.stream().map(ReferenceHeatmap::maps).toList())
                : HeatmapScale.perMap();
        List<Panel> panels = new ArrayList<>();
        for (ReferenceHeatmap reference : references) {
            FrameSource heat = new HeatmapFrameSource(FrameSource.still(reference.image(), frameCount),
                    reference.maps(), scale, style.opacity());
            panels.add(new Panel(heat, reference.label()));
        }
        return panels;
    }
}
