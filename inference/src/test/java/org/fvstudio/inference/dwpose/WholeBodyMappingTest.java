package org.fvstudio.inference.dwpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.junit.jupiter.api.Test;

class WholeBodyMappingTest {

    /** COCO-17 names, by index. */
    private static final String[] COCO = {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder",
        "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip",
        "left_knee", "right_knee", "left_ankle", "right_ankle"};

    /** OpenPose-18 names in DWPose body order (FACTS.md), neck included. */
    private static final String[] OPENPOSE = {"nose", "neck", "right_shoulder", "right_elbow", "right_wrist",
        "left_shoulder", "left_elbow", "left_wrist", "right_hip", "right_knee", "right_ankle", "left_hip",
        "left_knee", "left_ankle", "right_eye", "left_eye", "right_ear", "left_ear"};

    /** x = index, y = 1000 + index, score 0.9: every output point tells where it came from. */
    private static double[] labelled() {
        double[] coco = new double[133 * 3];
        for (int i = 0; i < 133; i++) {
            coco[3 * i] = i;
            coco[3 * i + 1] = 1000 + i;
            coco[3 * i + 2] = 0.9;
        }
        return coco;
    }

    @Test
    void bodyFollowsTheOpenPoseOrderByName() {
        PersonPose pose = WholeBodyMapping.toDwpose(labelled());
        for (int i = 0; i < 18; i++) {
            if (OPENPOSE[i].equals("neck")) {
                continue;
            }
            int cocoIndex = java.util.Arrays.asList(COCO).indexOf(OPENPOSE[i]);
            assertThat(pose.x(i)).as(OPENPOSE[i]).isEqualTo(cocoIndex);
            assertThat(pose.y(i)).isEqualTo(1000 + cocoIndex);
        }
        assertThat(pose.get(BodyJoint.values()[2]).x()).isEqualTo(6); // BodyJoint agrees: index 2 is the right shoulder
    }

    @Test
    void neckIsTheMeanOfTheShouldersWhenBothAreSure() {
        double[] coco = labelled();
        coco[3 * 5 + 2] = 0.5;
        coco[3 * 6 + 2] = 0.7;
        Keypoint neck = WholeBodyMapping.toDwpose(coco).get(1);
        assertThat(neck.x()).isEqualTo(5.5);
        assertThat(neck.y()).isEqualTo(1005.5);
        assertThat(neck.confidence()).isCloseTo(0.6, within(1e-12));
        coco[3 * 6 + 2] = 0.3; // not above 0.3: no neck
        PersonPose without = WholeBodyMapping.toDwpose(coco);
        assertThat(without.get(1)).isEqualTo(Keypoint.MISSING);
        assertThat(without.get(2)).isEqualTo(new Keypoint(6, 1006, 0.3)); // the shoulder itself is still visible
    }

    @Test
    void feetFaceAndHandsKeepTheirOrderAfterTheBody() {
        PersonPose pose = WholeBodyMapping.toDwpose(labelled());
        assertPart(pose, BodyPart.FEET, 17);
        assertPart(pose, BodyPart.FACE, 23);
        assertPart(pose, BodyPart.LEFT_HAND, 91);
        assertPart(pose, BodyPart.RIGHT_HAND, 112);
        assertThat(pose.x(133)).isEqualTo(132);
    }

    @Test
    void weakPointsGoMissingAndStrongOnesAreClamped() {
        double[] coco = labelled();
        coco[3 * 40 + 2] = 0.29;  // a face point
        coco[3 * 0 + 2] = 1.7;    // the nose
        PersonPose pose = WholeBodyMapping.toDwpose(coco);
        assertThat(pose.get(BodyPart.FACE, 40 - 23)).isEqualTo(Keypoint.MISSING);
        assertThat(pose.confidence(0)).isEqualTo(1.0);
        assertThat(pose.presentCount()).isEqualTo(133);
    }

    private static void assertPart(PersonPose pose, BodyPart part, int firstCoco) {
        for (int i = 0; i < part.size(); i++) {
            assertThat(pose.get(part, i)).as(part + " " + i).isEqualTo(new Keypoint(firstCoco + i, 1000 + firstCoco + i, 0.9));
        }
    }
}
