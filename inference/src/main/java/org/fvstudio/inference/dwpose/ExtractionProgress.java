package org.fvstudio.inference.dwpose;

/** Called on the extracting thread after each frame; UIs hand it over to their own thread. */
@FunctionalInterface
public interface ExtractionProgress {

    /**
     * @param done     frames extracted so far
     * @param total    frames expected (from the container; 0 when unknown)
     * @param fraction done / total clamped to [0, 1], or -1 when the total is unknown
     */
    void onFrame(int done, int total, double fraction);

    static ExtractionProgress ignore() {
        return (done, total, fraction) -> { };
    }
}
