package org.fvstudio.pose.openpose;

/** How OpenPose JSON coordinates are written: canvas pixels, or fractions of the canvas size (0..1). */
public enum CoordinateMode {
    PIXELS,
    NORMALISED
}
