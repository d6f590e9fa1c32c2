package org.fvstudio.inference.dwpose;

/**
 * @param minCutoff        cut-off frequency (Hz) at rest: lower smooths jitter more
 * @param beta             how fast the cut-off rises with speed (per pixel/second): higher lags less
 * @param derivativeCutoff cut-off (Hz) of the speed estimate
 */
public record OneEuroSettings(double minCutoff, double beta, double derivativeCutoff) {

    public OneEuroSettings {
        if (!(minCutoff > 0) || !(derivativeCutoff > 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("One Euro filter needs cut-offs > 0 and beta >= 0, got "
                    + minCutoff + ", " + beta + ", " + derivativeCutoff);
        }
    }

    /** Tuned for keypoints in pixels of HD video: about 2 px of jitter removed at rest, little lag in motion. */
    public static OneEuroSettings forPixels() {
        return new OneEuroSettings(1.0, 0.02, 1.0);
    }
}
