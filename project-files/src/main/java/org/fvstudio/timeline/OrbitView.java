package org.fvstudio.timeline;

/**
 * A resolved pinhole orbit camera (see {@link OrbitKeyframe}); projects world points (Y up) onto a
 * canvas with the principal point at the canvas centre and image y pointing down.
 */
public record OrbitView(double yawDegrees, double elevationDegrees, double distance, double focalLength,
                        double targetX, double targetY, double targetZ) {

    /** Points closer to the camera plane than this (in world units) are not projected. */
    public static final double NEAR = 1e-3;

    /** Camera centre in world coordinates. */
    public double[] position() {
        double yaw = Math.toRadians(yawDegrees);
        double el = Math.toRadians(elevationDegrees);
        return new double[] {
            targetX + distance * Math.cos(el) * Math.sin(yaw),
            targetY + distance * Math.sin(el),
            targetZ + distance * Math.cos(el) * Math.cos(yaw),
        };
    }

    /**
     * Projects (x, y, z) into {@code out} as canvas x, canvas y, depth; returns false (leaving
     * {@code out} untouched) when the point is behind or too close to the camera.
     */
    public boolean project(double x, double y, double z, int canvasWidth, int canvasHeight, double[] out) {
        double yaw = Math.toRadians(yawDegrees);
        double el = Math.toRadians(elevationDegrees);
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        double ce = Math.cos(el);
        double se = Math.sin(el);
        // camera axes: forward looks at the target, right is horizontal, up completes the frame
        double fx = -ce * sy;
        double fy = -se;
        double fz = -ce * cy;
        double rx = cy;
        double rz = -sy;
        double ux = -se * sy;
        double uy = ce;
        double uz = -se * cy;
        double px = targetX + distance * ce * sy;
        double py = targetY + distance * se;
        double pz = targetZ + distance * ce * cy;
        double dx = x - px;
        double dy = y - py;
        double dz = z - pz;
        double depth = dx * fx + dy * fy + dz * fz;
        if (depth < NEAR) {
            return false;
        }
        double right = dx * rx + dz * rz;
        double up = dx * ux + dy * uy + dz * uz;
        out[0] = canvasWidth / 2.0 + focalLength * right / depth;
        out[1] = canvasHeight / 2.0 - focalLength * up / depth;
        out[2] = depth;
        return true;
    }
}
