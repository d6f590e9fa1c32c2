package org.fvstudio.ui.export;

/** What the export dialog writes. */
public enum ExportKind {
    MP4("Generated frames (MP4, H.264)", true, false),
    PNG_SEQUENCE("Generated frames (PNG sequence)", false, true),
    SIDE_BY_SIDE("Review video: target | generated | heatmaps (MP4)", true, false),
    HEATMAPS("Heatmap-only video (MP4)", true, false),
    OPENPOSE_JSON("Target skeleton sequence (OpenPose JSON)", false, true);

    private final String label;
    private final boolean video;
    private final boolean folder;

    ExportKind(String label, boolean video, boolean folder) {
        this.label = label;
        this.video = video;
        this.folder = folder;
    }

    public boolean isVideo() {
        return video;
    }

    /** Writes a folder of files rather than one file. */
    public boolean writesFolder() {
        return folder;
    }

    /** Whether generated frames are needed (the skeleton export works without any). */
    public boolean needsGeneratedFrames() {
        return this != OPENPOSE_JSON;
    }

    @Override
    public String toString() {
        return label;
    }
}
