package org.fvstudio.inference.scheduler;

import java.util.Locale;

/** The training noise schedule: betas linear in beta, or linear in sqrt(beta) ("scaled_linear"). */
public enum BetaSchedule {
    LINEAR("linear"), SCALED_LINEAR("scaled_linear");

    private final String jsonName;

    BetaSchedule(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static BetaSchedule fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (BetaSchedule b : values()) {
            if (b.jsonName.equals(n)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown beta schedule '" + name + "' (expected linear or scaled_linear)");
    }
}
