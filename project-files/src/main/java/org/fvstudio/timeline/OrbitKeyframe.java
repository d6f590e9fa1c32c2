package org.fvstudio.timeline;

/**
 * A key of the 3D orbit camera used to view motion capture: the camera circles a vertical axis
 * through the target point. {@code yawDegrees} 0 looks at the subject's front (from +Z towards -Z),
 * positive yaw moves the camera towards +X; {@code elevationDegrees} raises it above the target;
 * {@code distance} is in the motion's units; {@code focalLength} is in canvas pixels (pinhole).
 * Yaw is not wrapped, so keys 0 and 360 make a full orbit.
 */
public record OrbitKeyframe(int frame, double yawDegrees, double elevationDegrees, double distance, double focalLength,
                            double targetX, double targetY, double targetZ, Interpolation interpolation) {

    public OrbitKeyframe {
        if (frame < 0) {
            throw new IllegalArgumentException("orbit keyframe frame must be >= 0, got " + frame);
        }
        if (!(distance > 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("orbit distance must be a positive number, got " + distance);
        }
        if (!(focalLength > 0) || !Double.isFinite(focalLength)) {
            throw new IllegalArgumentException("focal length must be a positive number of pixels, got " + focalLength);
        }
        if (!(Math.abs(elevationDegrees) < 90)) {
            throw new IllegalArgumentException("elevation must lie strictly between -90 and 90 degrees, got " + elevationDegrees);
        }
        if (!Double.isFinite(yawDegrees) || !Double.isFinite(targetX) || !Double.isFinite(targetY) || !Double.isFinite(targetZ)) {
            throw new IllegalArgumentException("orbit yaw and target must be finite");
        }
        if (interpolation == null) {
            throw new IllegalArgumentException("orbit keyframe needs an interpolation");
        }
    }

    public OrbitKeyframe atFrame(int newFrame) {
        return new OrbitKeyframe(newFrame, yawDegrees, elevationDegrees, distance, focalLength, targetX, targetY, targetZ, interpolation);
    }

    public OrbitKeyframe withYaw(double yaw) {
        return new OrbitKeyframe(frame, yaw, elevationDegrees, distance, focalLength, targetX, targetY, targetZ, interpolation);
    }

    public OrbitKeyframe withElevation(double elevation) {
        return new OrbitKeyframe(frame, yawDegrees, elevation, distance, focalLength, targetX, targetY, targetZ, interpolation);
    }

    public OrbitKeyframe withDistance(double newDistance) {
        return new OrbitKeyframe(frame, yawDegrees, elevationDegrees, newDistance, focalLength, targetX, targetY, targetZ, interpolation);
    }

    public OrbitKeyframe withFocalLength(double focal) {
        return new OrbitKeyframe(frame, yawDegrees, elevationDegrees, distance, focal, targetX, targetY, targetZ, interpolation);
    }

    public OrbitKeyframe withInterpolation(Interpolation mode) {
        return new OrbitKeyframe(frame, yawDegrees, elevationDegrees, distance, focalLength, targetX, targetY, targetZ, mode);
    }

    /** The resolved camera of this key. */
    public OrbitView view() {
        return new OrbitView(yawDegrees, elevationDegrees, distance, focalLength, targetX, targetY, targetZ);
    }

    double parameter(int index) {
        return switch (index) {
            case 0 -> yawDegrees;
            case 1 -> elevationDegrees;
            case 2 -> distance;
            case 3 -> focalLength;
            case 4 -> targetX;
            case 5 -> targetY;
            default -> targetZ;
        };
    }

    static final int PARAMETERS = 7;
}
