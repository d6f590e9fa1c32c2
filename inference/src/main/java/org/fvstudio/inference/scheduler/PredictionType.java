package org.fvstudio.inference.scheduler;

import java.util.Locale;

/** What the denoiser predicts: the noise, the velocity v = sqrt(a) eps - sqrt(1-a) x0, or the clean sample. */
public enum PredictionType {
    EPSILON("epsilon"), V_PREDICTION("v_prediction"), SAMPLE("sample");

    private final String jsonName;

    PredictionType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Accepts the diffusers names ({@code epsilon}, {@code v_prediction}, {@code sample}) and {@code v}. */
    public static PredictionType fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("v")) {
            return V_PREDICTION;
        }
        for (PredictionType t : values()) {
            if (t.jsonName.equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown prediction type '" + name + "' (expected epsilon, v_prediction or sample)");
    }
}
