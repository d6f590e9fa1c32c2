package org.fvstudio.timeline;

/**
 * The virtual camera at one frame, as a 2D view transform of the target pose:
 * scale by {@code zoom} and rotate by {@code rollDegrees} about ({@code pivotX}, {@code pivotY}),
 * then shift by ({@code panX}, {@code panY}) pixels. A {@code cut} key is reached by a jump:
 * the segment before it holds the previous key's values.
 */
public record CameraKeyframe(int frame, double zoom, double pivotX, double pivotY,
                             double panX, double panY, double rollDegrees,
                             boolean cut, Interpolation interpolation) {

    public CameraKeyframe {
        if (frame < 0) {
            throw new IllegalArgumentException("camera keyframe frame must be >= 0, got " + frame);
        }
        if (!(zoom > 0) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("camera zoom must be a positive number, got " + zoom);
        }
        if (interpolation == null) {
            throw new IllegalArgumentException("camera keyframe needs an interpolation");
        }
    }

    public static CameraKeyframe identity(int frame, double pivotX, double pivotY) {
        return new CameraKeyframe(frame, 1, pivotX, pivotY, 0, 0, 0, false, Interpolation.LINEAR);
    }

    public CameraKeyframe atFrame(int newFrame) {
        return new CameraKeyframe(newFrame, zoom, pivotX, pivotY, panX, panY, rollDegrees, cut, interpolation);
    }

    public CameraTransform transform() {
        return new CameraTransform(zoom, pivotX, pivotY, panX, panY, rollDegrees);
    }
}
