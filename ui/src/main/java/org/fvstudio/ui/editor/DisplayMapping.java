package org.fvstudio.ui.editor;

import org.fvstudio.timeline.CameraTransform;

/**
 * Maps between the pose as stored (raw track coordinates) and as displayed (through the virtual
 * camera when the viewer shows what the model sees). The camera is a similarity transform, so a
 * rotation or scale about a displayed point is the same rotation or scale about its raw preimage.
 */
public record DisplayMapping(double a, double b, double c, double d, double tx, double ty) {

    public static final DisplayMapping IDENTITY = new DisplayMapping(1, 0, 0, 1, 0, 0);

    public static DisplayMapping of(CameraTransform camera) {
        double[] m = camera.affine();
        return new DisplayMapping(m[0], m[1], m[2], m[3], m[4], m[5]);
    }

    public double[] toDisplay(double x, double y) {
        return new double[] {a * x + b * y + tx, c * x + d * y + ty};
    }

    public double[] toRaw(double x, double y) {
        double det = a * d - b * c;
        double px = x - tx;
        double py = y - ty;
        return new double[] {(d * px - b * py) / det, (-c * px + a * py) / det};
    }

    /** A displayed displacement as a raw displacement. */
    public double[] deltaToRaw(double dx, double dy) {
        double det = a * d - b * c;
        return new double[] {(d * dx - b * dy) / det, (-c * dx + a * dy) / det};
    }
}
