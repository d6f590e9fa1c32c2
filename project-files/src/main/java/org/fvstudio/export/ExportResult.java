package org.fvstudio.export;

import java.nio.file.Path;

/**
 * A finished export.
 *
 * @param path     the file or folder written
 * @param frames   frames written
 * @param width    output width (after padding to even sizes for video)
 * @param height   output height
 * @param encoder  the encoder used ("libx264", "libopenh264", "png")
 * @param bytes    size on disk
 * @param seconds  wall time of the export
 */
public record ExportResult(Path path, int frames, int width, int height, String encoder, long bytes, double seconds) {

    public double framesPerSecond() {
        return seconds > 0 ? frames / seconds : Double.POSITIVE_INFINITY;
    }
}
