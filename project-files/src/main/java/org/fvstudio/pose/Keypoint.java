package org.fvstudio.pose;

/**
 * One 2D keypoint in canvas pixels with the detector's confidence.
 * A keypoint with confidence 0 is missing (OpenPose writes such points as 0,0,0).
 */
public record Keypoint(double x, double y, double confidence) {

    public static final Keypoint MISSING = new Keypoint(0, 0, 0);

    /** DWPose's threshold: points scoring below it are not drawn and count as missing. */
    public static final double VISIBLE_THRESHOLD = 0.3;

    public Keypoint {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(confidence)) {
            throw new IllegalArgumentException("keypoint values must be finite: " + x + ", " + y + ", " + confidence);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], got " + confidence);
        }
    }

    public boolean isPresent() {
        return confidence > 0;
    }

    public boolean isVisible() {
        return confidence >= VISIBLE_THRESHOLD;
    }

    public Keypoint withPosition(double newX, double newY) {
        return new Keypoint(newX, newY, confidence);
    }
}
