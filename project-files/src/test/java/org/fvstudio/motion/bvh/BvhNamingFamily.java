package org.fvstudio.motion.bvh;

import java.util.HashMap;
import java.util.Map;

/**
 * How common exporters name the CMU skeleton's joints, as renamings of the CMU names; joints a family
 * has no name for keep theirs. Used to derive one BVH per family from the CMU clip.
 */
public enum BvhNamingFamily {

    CMU(LimbNaming.ARM_FOREARM_HAND, LimbNaming.UPLEG_LEG_FOOT, Map.of()),
    COLLAR(LimbNaming.COLLAR_SHOULDER_ELBOW_WRIST, LimbNaming.HIP_KNEE_ANKLE, sided(Map.of(
            "Shoulder", "Collar", "Arm", "Shoulder", "ForeArm", "Elbow", "Hand", "Wrist",
            "UpLeg", "Hip", "Leg", "Knee", "Foot", "Ankle", "ToeBase", "Toe"), "Left%s", "Right%s",
            Map.of("Spine1", "Chest", "LHipJoint", "LeftPelvis", "RHipJoint", "RightPelvis"))),
    MIXAMO(LimbNaming.ARM_FOREARM_HAND, LimbNaming.UPLEG_LEG_FOOT, null),
    BIOVISION(LimbNaming.UPARM_LOWARM_HAND, LimbNaming.UPLEG_LOWLEG_FOOT, sided(Map.of(
            "Shoulder", "Collar", "Arm", "UpArm", "ForeArm", "LowArm", "Leg", "LowLeg", "ToeBase", "Toe"),
            "Left%s", "Right%s", Map.of("Spine1", "Chest", "Neck1", "Neck2"))),
    ROKOKO(LimbNaming.ARM_FOREARM_HAND, LimbNaming.THIGH_SHIN_FOOT, sided(Map.of(
            "UpLeg", "Thigh", "Leg", "Shin", "ToeBase", "Toe"), "Left%s", "Right%s",
            Map.of("LowerBack", "Spine1", "Spine", "Spine2", "Spine1", "Spine3", "Neck1", "Spine4"))),
    PERCEPTION_NEURON(LimbNaming.ARM_FOREARM_HAND, LimbNaming.UPLEG_LEG_FOOT, sided(Map.of(
            "FingerBase", "HandIndex1"), "Left%s", "Right%s",
            Map.of("LowerBack", "Spine", "Spine", "Spine1", "Spine1", "Spine2", "Neck1", "Spine3",
                    "LThumb", "LeftHandThumb1", "RThumb", "RightHandThumb1"))),
    BIPED(LimbNaming.UPPERARM_LOWERARM_HAND, LimbNaming.THIGH_SHIN_FOOT, sided(Map.of(
            "Shoulder", "Clavicle", "Arm", "UpperArm", "ForeArm", "Forearm", "Hand", "Hand",
            "UpLeg", "Thigh", "Leg", "Calf", "Foot", "Foot", "ToeBase", "Toe0"), "Bip01_L_%s", "Bip01_R_%s",
            Map.of("Hips", "Bip01_Pelvis", "Neck", "Bip01_Neck", "Head", "Bip01_Head", "Spine", "Bip01_Spine"))),
    UNREAL(LimbNaming.UPPERARM_LOWERARM_HAND, LimbNaming.THIGH_SHIN_FOOT, sided(Map.of(
            "Shoulder", "clavicle", "Arm", "upperarm", "ForeArm", "lowerarm", "Hand", "hand",
            "UpLeg", "thigh", "Leg", "calf", "Foot", "foot", "ToeBase", "ball"), "%s_l", "%s_r",
            Map.of("Hips", "pelvis", "Neck", "neck_01", "Head", "head"))),
    DAZ(LimbNaming.SHLDR_FOREARM_HAND, LimbNaming.THIGH_SHIN_FOOT, sided(Map.of(
            "Shoulder", "Collar", "Arm", "Shldr", "ForeArm", "ForeArm", "Hand", "Hand",
            "UpLeg", "Thigh", "Leg", "Shin", "Foot", "Foot", "ToeBase", "Toe"), "l%s", "r%s",
            Map.of("Hips", "hip", "Spine1", "chest", "Neck", "neck", "Head", "head")));

    public final LimbNaming arms;
    public final LimbNaming legs;
    private final Map<String, String> names;

    BvhNamingFamily(LimbNaming arms, LimbNaming legs, Map<String, String> names) {
        this.arms = arms;
        this.legs = legs;
        this.names = names;
    }

    /** The CMU clip under this family's names. */
    public String bvhText() {
        String cmu = BvhVariants.cmuText();
        return this == MIXAMO ? BvhVariants.renamed(cmu, name -> "mixamorig:" + name) : BvhVariants.renamed(cmu, names);
    }

    /** CMU "Left" + limb name -> the family's name for both sides, plus some unsided joints. */
    private static Map<String, String> sided(Map<String, String> limbs, String leftPattern, String rightPattern,
                                             Map<String, String> others) {
        Map<String, String> out = new HashMap<>(others);
        limbs.forEach((cmu, family) -> {
            out.put("Left" + cmu, String.format(leftPattern, family));
            out.put("Right" + cmu, String.format(rightPattern, family));
        });
        return out;
    }
}
