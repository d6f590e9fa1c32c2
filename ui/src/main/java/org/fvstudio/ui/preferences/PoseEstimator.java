package org.fvstudio.ui.preferences;

import java.util.Locale;
import java.util.Optional;

import org.fvstudio.inference.estimation.EstimatorChoice;

/** Which skeleton detector Detect pose and video extraction use (Preferences › Pose estimator). */
public enum PoseEstimator {
    AUTO, DWPOSE, EMBEDDED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PoseEstimator> fromJsonName(String name) {
        for (PoseEstimator estimator : values()) {
            if (estimator.jsonName().equals(name)) {
                return Optional.of(estimator);
            }
        }
        return Optional.empty();
    }

    public EstimatorChoice choice() {
        return EstimatorChoice.valueOf(name());
    }

    @Override
    public String toString() {
        return switch (this) {
            case AUTO -> "Automatic (DWPose if its files are present, else embedded)";
            case DWPOSE -> "DWPose (whole body; needs its two model files)";
            case EMBEDDED -> "Embedded (MoveNet, body only; ships with FV Studio)";
        };
    }
}
