package org.fvstudio.inference.dwpose;

/**
 * The One Euro filter (Casiez, Roussel, Vogel, CHI 2012): a low-pass filter whose cut-off rises with the
 * signal's speed, so slow jitter is smoothed strongly while fast motion lags little.
 */
public final class OneEuroFilter {

    private final OneEuroSettings settings;
    private boolean initialised;
    private double previousValue;
    private double previousDerivative;
    private double previousTime;

    public OneEuroFilter(OneEuroSettings settings) {
        this.settings = settings;
    }

    /** Filters {@code value} sampled at {@code timeSeconds}; times must increase. */
    public double filter(double value, double timeSeconds) {
        if (!initialised) {
            initialised = true;
            previousValue = value;
            previousDerivative = 0;
            previousTime = timeSeconds;
            return value;
        }
        double dt = timeSeconds - previousTime;
        if (!(dt > 0)) {
            throw new IllegalArgumentException("time must increase: " + previousTime + " then " + timeSeconds);
        }
        double derivative = (value - previousValue) / dt;
        double smoothedDerivative = lerp(previousDerivative, derivative, alpha(settings.derivativeCutoff(), dt));
        double cutoff = settings.minCutoff() + settings.beta() * Math.abs(smoothedDerivative);
        double smoothed = lerp(previousValue, value, alpha(cutoff, dt));
        previousValue = smoothed;
        previousDerivative = smoothedDerivative;
        previousTime = timeSeconds;
        return smoothed;
    }

    /** Forgets the history: the next value passes unchanged. */
    public void reset() {
        initialised = false;
    }

    static double alpha(double cutoffHz, double dt) {
        double tau = 1 / (2 * Math.PI * cutoffHz);
        return 1 / (1 + tau / dt);
    }

    private static double lerp(double from, double to, double alpha) {
        return from + alpha * (to - from);
    }
}
