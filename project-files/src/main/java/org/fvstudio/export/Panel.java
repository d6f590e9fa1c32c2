package org.fvstudio.export;

/** One column of a side-by-side composition, with an optional caption (null for none). */
public record Panel(FrameSource source, String label) {

    public Panel {
        if (source == null) {
            throw new IllegalArgumentException("a panel needs a frame source");
        }
    }

    public static Panel of(FrameSource source) {
        return new Panel(source, null);
    }
}
