/**
 * Exporting sequences, UI-free: {@link org.fvstudio.export.FrameSource}s (one frame at a time) written as
 * H.264 MP4 ({@link org.fvstudio.export.Mp4Exporter}: libx264 with the GPL natives, else libopenh264), PNG
 * sequences and OpenPose JSON; review compositions (side by side, heatmaps with the inferno colour map) as
 * source decorators. Every exporter reports progress, honours cancel and writes to a hidden staging file or
 * folder that is renamed onto the target only when complete; failures are {@link org.fvstudio.export.ExportException}s
 * naming the path.
 */
package org.fvstudio.export;
