package org.fvstudio.retarget;

import static org.fvstudio.pose.BodyJoint.*;

import org.fvstudio.pose.BodyJoint;

/**
 * The bones of the 18-point body, left and right counted as one kind (a character's two forearms are as long),
 * each from its parent joint (nearer the neck) to its child joint.
 */
public enum BoneKind {
    HEAD("head (neck to nose)"),
    EYE("nose to eye"),
    EAR("eye to ear"),
    SHOULDER("shoulder"),
    UPPER_ARM("upper arm"),
    FOREARM("forearm"),
    TORSO("torso (neck to hip)"),
    THIGH("thigh"),
    SHIN("shin");

    /** The joints from the root (the neck) outwards: every joint comes after its parent. */
    static final BodyJoint[] ORDER = {NECK, NOSE, RIGHT_EYE, LEFT_EYE, RIGHT_EAR, LEFT_EAR,
            RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST, LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST,
            RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, LEFT_HIP, LEFT_KNEE, LEFT_ANKLE};

    private static final BodyJoint[] PARENT = new BodyJoint[BodyJoint.values().length];
    private static final BoneKind[] KIND = new BoneKind[BodyJoint.values().length];

    static {
        bone(NECK, NOSE, HEAD);
        bone(NOSE, RIGHT_EYE, EYE);
        bone(NOSE, LEFT_EYE, EYE);
        bone(RIGHT_EYE, RIGHT_EAR, EAR);
        bone(LEFT_EYE, LEFT_EAR, EAR);
        bone(NECK, RIGHT_SHOULDER, SHOULDER);
        bone(NECK, LEFT_SHOULDER, SHOULDER);
        bone(RIGHT_SHOULDER, RIGHT_ELBOW, UPPER_ARM);
        bone(LEFT_SHOULDER, LEFT_ELBOW, UPPER_ARM);
        bone(RIGHT_ELBOW, RIGHT_WRIST, FOREARM);
        bone(LEFT_ELBOW, LEFT_WRIST, FOREARM);
        bone(NECK, RIGHT_HIP, TORSO);
        bone(NECK, LEFT_HIP, TORSO);
        bone(RIGHT_HIP, RIGHT_KNEE, THIGH);
        bone(LEFT_HIP, LEFT_KNEE, THIGH);
        bone(RIGHT_KNEE, RIGHT_ANKLE, SHIN);
        bone(LEFT_KNEE, LEFT_ANKLE, SHIN);
    }

    private final String label;

    BoneKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    private static void bone(BodyJoint parent, BodyJoint child, BoneKind kind) {
        PARENT[child.index()] = parent;
        KIND[child.index()] = kind;
    }

    /** The parent of {@code child}, or null for the root (the neck). */
    static BodyJoint parentOf(BodyJoint child) {
        return PARENT[child.index()];
    }

    /** The bone that ends at {@code child}, or null for the root. */
    static BoneKind endingAt(BodyJoint child) {
        return KIND[child.index()];
    }

    /** The bones' child joints, in {@link #ORDER} without the root. */
    static BodyJoint[] children() {
        BodyJoint[] out = new BodyJoint[ORDER.length - 1];
        System.arraycopy(ORDER, 1, out, 0, out.length);
        return out;
    }
}
