package org.fvstudio.ui.export;

import java.nio.file.Path;

import org.fvstudio.export.VideoQuality;

/**
 * The choices of the export dialog.
 *
 * @param height      height of review videos (every panel is scaled to it)
 * @param opacity     heatmap opacity over the reference pictures
 * @param sharedScale one colour range per frame for all references (else each map its own)
 */
public record ExportRequest(ExportKind kind, Path target, VideoQuality quality, int height, double opacity,
                            boolean sharedScale) {

    public ExportRequest {
        if (kind == null || target == null || quality == null) {
            throw new IllegalArgumentException("an export needs a kind, a target and a quality");
        }
        if (height < 16 || height > 4096) {
            throw new IllegalArgumentException("video height must lie in 16..4096, got " + height);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("heatmap opacity must lie in 0..1, got " + opacity);
        }
    }
}
