package org.fvstudio.motion.bvh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CMU clip renamed to each exporter's joint names maps to the very same body as the original. */
class BvhNamingFamiliesTest {

    private static final int[] FRAMES = {0, 700, 1900, 2751};

    private static BvhMotion cmu;
    private static BvhBodyMapping cmuMapping;

    @BeforeAll
    static void load() {
        cmu = BvhVariants.parse(BvhVariants.cmuText(), "cmu_01_01.bvh");
        cmuMapping = BvhBodyMapping.of(cmu);
    }

    @ParameterizedTest
    @EnumSource(BvhNamingFamily.class)
    void everyFamilyMapsTheSameJointsAsTheCmuNames(BvhNamingFamily family) throws Exception {
        BvhMotion renamed = BvhVariants.parse(family.bvhText(), family + ".bvh");
        BvhBodyMapping mapping = BvhBodyMapping.of(renamed);

        assertThat(mapping.armNaming()).isEqualTo(family.arms);
        assertThat(mapping.legNaming()).isEqualTo(family.legs);
        assertThat(mapping.missingBodyPoints()).isEmpty();
        assertThat(mapping.optionalPointsMissing()).isEmpty();
        mapping.requireWholeBody();
        for (BodyJoint point : BodyJoint.values()) {
            String original = cmuMapping.jointFor(point);
            String found = mapping.jointFor(point);
            if (original == null) {
                assertThat(found).as(point.label()).isNull();
            } else {
                // same hierarchy, so the same joint index must carry the family's name for it
                int index = cmu.jointIndex(original).orElseThrow();
                assertThat(found).as(point.label()).isEqualTo(renamed.joints().get(index).name());
            }
        }
        for (int frame : FRAMES) {
            assertThat(mapping.map(ForwardKinematics.solve(renamed, frame)))
                    .as("%s frame %d", family, frame)
                    .containsExactly(cmuMapping.map(ForwardKinematics.solve(cmu, frame)));
        }
    }

    @Test
    void collarNamesPutTheShouldersOnTheUpperArmNotTheClavicle() {
        BvhBodyMapping mapping = BvhBodyMapping.of(BvhVariants.parse(BvhNamingFamily.COLLAR.bvhText(), "collar.bvh"));
        assertThat(mapping.jointFor(BodyJoint.RIGHT_SHOULDER)).isEqualTo("RightShoulder");
        assertThat(mapping.jointFor(BodyJoint.LEFT_ELBOW)).isEqualTo("LeftElbow");
        assertThat(mapping.jointFor(BodyJoint.LEFT_WRIST)).isEqualTo("LeftWrist");
        assertThat(mapping.jointFor(BodyJoint.RIGHT_HIP)).isEqualTo("RightHip");
        assertThat(mapping.jointFor(BodyJoint.RIGHT_ANKLE)).isEqualTo("RightAnkle");
        assertThat(mapping.namingSummary()).isEqualTo("arms Collar / Shoulder / Elbow / Wrist, legs Hip / Knee / Ankle / Toe");
        // In the CMU names "Shoulder" is the clavicle and the upper arm is "Arm".
        assertThat(cmuMapping.jointFor(BodyJoint.RIGHT_SHOULDER)).isEqualTo("RightArm");
    }

    @Test
    void unknownJointNamesAreRefusedNamingEveryPointThatCouldNotBeMapped() {
        String text = BvhVariants.renamed(BvhVariants.cmuText(), name -> "Bone_" + name.hashCode());
        BvhBodyMapping mapping = BvhBodyMapping.of(BvhVariants.parse(text, "rig.bvh"));
        assertThat(mapping.armNaming()).isNull();
        assertThat(mapping.legNaming()).isNull();
        assertThat(mapping.missingBodyPoints()).containsExactly(BodyJoint.NECK,
                BodyJoint.RIGHT_SHOULDER, BodyJoint.RIGHT_ELBOW, BodyJoint.RIGHT_WRIST,
                BodyJoint.LEFT_SHOULDER, BodyJoint.LEFT_ELBOW, BodyJoint.LEFT_WRIST,
                BodyJoint.RIGHT_HIP, BodyJoint.RIGHT_KNEE, BodyJoint.RIGHT_ANKLE,
                BodyJoint.LEFT_HIP, BodyJoint.LEFT_KNEE, BodyJoint.LEFT_ANKLE);
        assertThatThrownBy(mapping::requireWholeBody)
                .isInstanceOf(BvhMappingException.class)
                .hasMessageStartingWith("rig.bvh: no joint for the DWPose points neck, right shoulder, right elbow, right wrist,")
                .hasMessageContaining("left ankle (arms not recognised, legs not recognised)")
                .hasMessageContaining("Collar / Shoulder / Elbow / Wrist")
                .hasMessageContaining("Joints in the file: Bone_" + "Hips".hashCode());
    }

    @Test
    void unknownArmNamesNameOnlyTheArmPoints() {
        Map<String, String> arms = Map.of("LeftArm", "LA1", "LeftForeArm", "LA2", "LeftHand", "LA3",
                "RightArm", "RA1", "RightForeArm", "RA2", "RightHand", "RA3");
        BvhBodyMapping mapping = BvhBodyMapping.of(BvhVariants.parse(BvhVariants.renamed(BvhVariants.cmuText(), arms), "arms.bvh"));
        assertThat(mapping.missingBodyPoints()).containsExactly(
                BodyJoint.RIGHT_SHOULDER, BodyJoint.RIGHT_ELBOW, BodyJoint.RIGHT_WRIST,
                BodyJoint.LEFT_SHOULDER, BodyJoint.LEFT_ELBOW, BodyJoint.LEFT_WRIST);
        assertThatThrownBy(mapping::requireWholeBody).hasMessageContaining(
                "no joint for the DWPose points right shoulder, right elbow, right wrist, left shoulder, left elbow, left wrist (");
    }

    @Test
    void aSkeletonWithoutToesOrHeadKeepsTheBodyAndSaysWhatIsLeftOut() throws Exception {
        Map<String, String> names = Map.of("LeftToeBase", "LeftFootEnd", "RightToeBase", "RightFootEnd", "Head", "Skull");
        BvhBodyMapping mapping = BvhBodyMapping.of(BvhVariants.parse(BvhVariants.renamed(BvhVariants.cmuText(), names), "x.bvh"));
        mapping.requireWholeBody();
        assertThat(mapping.optionalPointsMissing()).containsExactly("nose, eyes and ears (no Head joint)",
                "right foot points (no toe joint)", "left foot points (no toe joint)");
    }

    @Test
    void sideAffixesAndNamespacesAreUnderstood() {
        for (String name : new String[] {"LeftArm", "L_Arm", "Arm_L", "arm.l", "lArm", "mixamorig:LeftArm", "Bip01_L_Arm", "LtArm"}) {
            BvhJointNames names = new BvhJointNames(java.util.List.of(new BvhJoint(name, -1, Vec3.ZERO, java.util.List.of(), 0, null)));
            assertThat(names.findSided(BvhJointNames.Side.LEFT, java.util.List.of("arm"))).as(name).isZero();
            assertThat(names.findSided(BvhJointNames.Side.RIGHT, java.util.List.of("arm"))).as(name).isEqualTo(-1);
        }
    }
}
