package org.fvstudio.motion.bvh;

import java.util.List;

/**
 * The joint-naming families of BVH limbs. A family names the joints of one limb chain (upper arm,
 * forearm, hand; or thigh, shin, foot, toe) without the side; {@link BvhJointNames} adds the side
 * ({@code Left}/{@code L}/{@code _l}...). Each point lists its accepted names, first match wins.
 * The same word can mean different joints in different families: "Shoulder" is the clavicle beside
 * {@code Arm / ForeArm / Hand} but the upper arm beside {@code Collar / Elbow / Wrist}, so a mapping
 * picks, per limb, the family that matches the most joints (see {@link BvhBodyMapping}).
 */
public enum LimbNaming {

    ARM_FOREARM_HAND(Limb.ARM, "Arm / ForeArm / Hand", "CMU, Mixamo, Perception Neuron, Rokoko, MotionBuilder",
            List.of("arm"), List.of("forearm"), List.of("hand")),
    COLLAR_SHOULDER_ELBOW_WRIST(Limb.ARM, "Collar / Shoulder / Elbow / Wrist", "Collar-style exports, Poser, SMPL",
            List.of("shoulder"), List.of("elbow"), List.of("wrist", "hand")),
    UPARM_LOWARM_HAND(Limb.ARM, "UpArm / LowArm / Hand", "Biovision",
            List.of("uparm"), List.of("lowarm"), List.of("hand")),
    UPPERARM_LOWERARM_HAND(Limb.ARM, "UpperArm / LowerArm / Hand", "3ds Max Biped, Unreal, Unity humanoid",
            List.of("upperarm"), List.of("lowerarm", "forearm"), List.of("hand")),
    SHLDR_FOREARM_HAND(Limb.ARM, "Shldr / ForeArm / Hand", "DAZ",
            List.of("shldr"), List.of("forearm"), List.of("hand")),

    UPLEG_LEG_FOOT(Limb.LEG, "UpLeg / Leg / Foot / ToeBase", "CMU, Mixamo, Perception Neuron, MotionBuilder",
            List.of("upleg"), List.of("leg"), List.of("foot"), List.of("toebase", "toe")),
    HIP_KNEE_ANKLE(Limb.LEG, "Hip / Knee / Ankle / Toe", "Collar-style exports, SMPL",
            List.of("hip"), List.of("knee"), List.of("ankle", "foot"), List.of("toe", "toes", "toebase", "foot")),
    UPLEG_LOWLEG_FOOT(Limb.LEG, "UpLeg / LowLeg / Foot", "Biovision",
            List.of("upleg"), List.of("lowleg"), List.of("foot"), List.of("toe", "toebase")),
    THIGH_SHIN_FOOT(Limb.LEG, "Thigh / Shin or Calf / Foot / Toe", "Rokoko, DAZ, 3ds Max Biped, Unreal",
            List.of("thigh"), List.of("shin", "calf"), List.of("foot"), List.of("toe", "toe0", "toebase", "ball")),
    UPPERLEG_LOWERLEG_FOOT(Limb.LEG, "UpperLeg / LowerLeg / Foot / Toes", "Unity humanoid, VRM",
            List.of("upperleg"), List.of("lowerleg"), List.of("foot"), List.of("toes", "toe", "toebase"));

    /** Which chain a family names. */
    public enum Limb { ARM, LEG }

    private final Limb limb;
    private final String label;
    private final String usedBy;
    private final List<List<String>> names;

    @SafeVarargs
    LimbNaming(Limb limb, String label, String usedBy, List<String>... names) {
        this.limb = limb;
        this.label = label;
        this.usedBy = usedBy;
        this.names = List.of(names);
    }

    public Limb limb() {
        return limb;
    }

    /** The joint names, e.g. "Collar / Shoulder / Elbow / Wrist". */
    public String label() {
        return label;
    }

    /** Where this naming is found, for messages and docs. */
    public String usedBy() {
        return usedBy;
    }

    /**
     * Accepted names (lower case, no side) of point {@code k} of the chain: 0 upper arm / thigh,
     * 1 forearm / shin, 2 hand / foot, 3 toe (legs only).
     */
    List<String> names(int k) {
        return k < names.size() ? names.get(k) : List.of();
    }

    int points() {
        return names.size();
    }

    static List<LimbNaming> of(Limb limb) {
        return java.util.Arrays.stream(values()).filter(n -> n.limb == limb).toList();
    }
}
