package org.fvstudio.pose;

/** The 18 body points in OpenPose / DWPose order (index = ordinal). */
public enum BodyJoint {
    NOSE, NECK,
    RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST,
    LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST,
    RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE,
    LEFT_HIP, LEFT_KNEE, LEFT_ANKLE,
    RIGHT_EYE, LEFT_EYE, RIGHT_EAR, LEFT_EAR;

    public int index() {
        return ordinal();
    }

    public String label() {
        String lower = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
