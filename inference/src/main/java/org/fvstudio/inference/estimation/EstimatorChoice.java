package org.fvstudio.inference.estimation;

import java.util.Locale;

/** Which skeleton detector runs: DWPose when its files are present, else the embedded one (AUTO), or either. */
public enum EstimatorChoice {
    AUTO, DWPOSE, EMBEDDED;

    /** {@code auto|dwpose|embedded}, as the CLI and the preferences write it. */
    public static EstimatorChoice parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown estimator '" + text + "': use auto, dwpose or embedded", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
