package org.fvstudio.ui.generation;

/** Which frames a "Generate" asks for. */
public enum FrameRange {
    ALL("All frames"),
    IN_OUT("In/out range"),
    STALE("Stale and missing frames"),
    CURRENT("Current frame");

    private final String label;

    FrameRange(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
