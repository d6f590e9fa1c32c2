package org.fvstudio.inference.scheduler;

/**
 * Converts a model output to the clean-sample estimate x0 and the noise estimate eps at a noise level
 * alpha_bar, for the three prediction types (x_t = sqrt(a) x0 + sqrt(1-a) eps; v = sqrt(a) eps - sqrt(1-a) x0).
 */
final class Parameterisation {

    private Parameterisation() {
    }

    static float[] x0(PredictionType type, float[] out, float[] x, double alphaBar) {
        check(out, x);
        double a = Math.sqrt(alphaBar);
        double s = Math.sqrt(1 - alphaBar);
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) switch (type) {
                case EPSILON -> (x[i] - s * out[i]) / a;
                case V_PREDICTION -> a * x[i] - s * out[i];
                case SAMPLE -> out[i];
            };
        }
        return r;
    }

    static void check(float[] out, float[] x) {
        if (out.length != x.length) {
            throw new IllegalArgumentException("model output has " + out.length + " values, sample has " + x.length);
        }
    }
}
