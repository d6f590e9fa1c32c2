package org.fvstudio.inference.scheduler;

/**
 * Converts a model output to the clean-sample estimate x0 and the noise estimate eps at a noise level
 * alpha_bar, for the three prediction types (x_t = sqrt(a) x0 + sqrt(1-a) eps; v = sqrt(a) eps - sqrt(1-a) x0).
 */
final class Parameterisation {

    private Parameterisation() {
    }

    static double x0(PredictionType type, double out, double x, double alphaBar) {
        double a = Math.sqrt(alphaBar);
        double s = Math.sqrt(1 - alphaBar);
        return switch (type) {
            case EPSILON -> (x - s * out) / a;
            case V_PREDICTION -> a * x - s * out;
            case SAMPLE -> out;
        };
    }

    static double eps(PredictionType type, double out, double x, double alphaBar, double x0) {
        double a = Math.sqrt(alphaBar);
        double s = Math.sqrt(1 - alphaBar);
        return switch (type) {
            case EPSILON -> out;
            case V_PREDICTION -> a * out + s * x;
            case SAMPLE -> (x - a * x0) / s;
        };
    }

    static float[] x0(PredictionType type, float[] out, float[] x, double alphaBar) {
        check(out, x);
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) x0(type, out[i], x[i], alphaBar);
        }
        return r;
    }

    static void check(float[] out, float[] x) {
        if (out.length != x.length) {
            throw new IllegalArgumentException("model output has " + out.length + " values, sample has " + x.length);
        }
    }
}
