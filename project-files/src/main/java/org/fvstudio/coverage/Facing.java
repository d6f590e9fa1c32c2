package org.fvstudio.coverage;

import static org.fvstudio.pose.BodyJoint.*;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;

/**
 * From which side the camera sees a body, read from the 2D skeleton. Facing the camera a person's right shoulder is
 * on the picture's left; from behind it is on the right. A face that is hidden (no nose, no eye) while the neck or
 * shoulders are seen means the head is seen from behind. Shoulders closer than a quarter of the torso's length are
 * seen side-on: the nose (else the one ear seen) says which way the person faces; facing the picture's left shows
 * their left side.
 */
public enum Facing {
    FRONT("front", "a front shot"),
    BACK("back", "a shot from behind"),
    LEFT("left side", "a shot of the left side"),
    RIGHT("right side", "a shot of the right side"),
    UNKNOWN("unknown", "");

    static final double SIDE_ON = 0.25;

    private final String label;
    private final String shotToAdd;

    Facing(String label, String shotToAdd) {
        this.label = label;
        this.shotToAdd = shotToAdd;
    }

    public String label() {
        return label;
    }

    /** The kind of reference that shows this side, for advice. */
    public String shotToAdd() {
        return shotToAdd;
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Facing of(PersonPose pose) {
        boolean rightShoulder = seen(pose, RIGHT_SHOULDER);
        boolean leftShoulder = seen(pose, LEFT_SHOULDER);
        boolean face = seen(pose, NOSE) || seen(pose, RIGHT_EYE) || seen(pose, LEFT_EYE);
        if (!face && (seen(pose, NECK) || rightShoulder || leftShoulder) && (seen(pose, RIGHT_EAR) || seen(pose, LEFT_EAR)
                || rightShoulder && leftShoulder)) {
            return BACK;
        }
        if (!rightShoulder || !leftShoulder) {
            return sideFromHead(pose);
        }
        double across = pose.x(LEFT_SHOULDER.index()) - pose.x(RIGHT_SHOULDER.index());
        double torso = torsoLength(pose);
        if (!(torso > 0)) {
            return across > 0 ? FRONT : BACK;
        }
        if (Math.abs(across) < SIDE_ON * torso) {
            Facing side = sideFromHead(pose);
            return side == UNKNOWN ? (across >= 0 ? FRONT : BACK) : side;
        }
        return across > 0 ? FRONT : BACK;
    }

    private static Facing sideFromHead(PersonPose pose) {
        if (seen(pose, NOSE) && seen(pose, NECK)) {
            double dx = pose.x(NOSE.index()) - pose.x(NECK.index());
            return dx < 0 ? LEFT : RIGHT;
        }
        boolean rightEar = seen(pose, RIGHT_EAR);
        boolean leftEar = seen(pose, LEFT_EAR);
        if (rightEar != leftEar) {
            return leftEar ? LEFT : RIGHT;
        }
        return UNKNOWN;
    }

    /** Neck to the hips' middle (or the one hip seen); 0 without them. */
    static double torsoLength(PersonPose pose) {
        if (!seen(pose, NECK)) {
            return 0;
        }
        boolean r = seen(pose, RIGHT_HIP);
        boolean l = seen(pose, LEFT_HIP);
        if (!r && !l) {
            return 0;
        }
        double x = r && l ? (pose.x(RIGHT_HIP.index()) + pose.x(LEFT_HIP.index())) / 2 : pose.x((r ? RIGHT_HIP : LEFT_HIP).index());
        double y = r && l ? (pose.y(RIGHT_HIP.index()) + pose.y(LEFT_HIP.index())) / 2 : pose.y((r ? RIGHT_HIP : LEFT_HIP).index());
        return Math.hypot(x - pose.x(NECK.index()), y - pose.y(NECK.index()));
    }

    static boolean seen(PersonPose pose, BodyJoint joint) {
        return pose.get(joint).isVisible();
    }
}
