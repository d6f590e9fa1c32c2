package org.fvstudio.inference.estimation.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.junit.jupiter.api.Test;

class LimbPckTest {

    @Test
    void theTruthAgainstItselfIsFullyCorrectAndATorsoHeightAwayIsWrong() throws Exception {
        PersonPose truth = cam03Subject(30);
        double torso = LimbPck.torsoHeight(truth);
        assertThat(torso).as("torso of a standing person in a 1920 px tall frame").isBetween(150.0, 600.0);

        LimbPck same = new LimbPck(0.1, 0.2);
        same.add(truth, truth);
        assertThat(same.pck(0)).isEqualTo(1.0);
        assertThat(same.countedJoints()).isBetween(8L, 12L);

        // Every joint moved by 0.15 torso heights: wrong at 0.1, right at 0.2.
        LimbPck shifted = new LimbPck(0.1, 0.2);
        shifted.add(truth, truth.transformed(1, 0, 0, 1, 0.15 * torso, 0));
        assertThat(shifted.pck(0)).isZero();
        assertThat(shifted.pck(1)).isEqualTo(1.0);
    }

    @Test
    void missingPredictionsCountAsWrongAndJointsTheTruthLacksDoNotCount() throws Exception {
        PersonPose truth = cam03Subject(30);
        PersonPose noLeftWrist = truth.with(7, Keypoint.MISSING);
        LimbPck pck = new LimbPck(0.1);
        pck.add(truth, noLeftWrist);
        long counted = pck.countedJoints();
        assertThat(pck.pck(0)).isCloseTo((counted - 1.0) / counted, within(1e-12));

        LimbPck lacking = new LimbPck(0.1);
        lacking.add(noLeftWrist, truth);
        assertThat(lacking.countedJoints()).isEqualTo(counted - 1);
        assertThat(lacking.pck(0)).isEqualTo(1.0);

        LimbPck nobody = new LimbPck(0.1);
        nobody.add(truth, null);
        assertThat(nobody.pck(0)).isZero();
    }

    @Test
    void theSubjectIsTheLargestPersonAndIsMatchedByOverlap() throws Exception {
        Pose frame = new OpenPoseReader().withDefaultCanvas(1080, 1920)
                .readFrame(Path.of(getClass().getResource("/pipeline/cam03/cam03.0000.json").toURI()));
        PersonPose subject = frame.people().get(0);
        PersonPose bystander = subject.transformed(0.2, 0, 0, 0.2, 10, 300);
        assertThat(SubjectMatch.subject(List.of(bystander, subject))).contains(subject);
        PersonPose nearSubject = subject.transformed(1, 0, 0, 1, 20, 0);
        assertThat(SubjectMatch.match(subject, List.of(bystander, nearSubject))).contains(nearSubject);
        PersonPose farAway = subject.transformed(1, 0, 0, 1, 5000, 0);
        assertThat(SubjectMatch.match(subject, List.of(farAway))).isEmpty();
    }

    private PersonPose cam03Subject(int frame) throws Exception {
        Path file = Path.of(getClass().getResource("/pipeline/cam03/cam03.0000.json").toURI()).getParent()
                .resolve(String.format("cam03.%04d.json", Math.min(frame, 3)));
        Pose pose = new OpenPoseReader().withDefaultCanvas(1080, 1920).readFrame(file);
        return SubjectMatch.subject(pose.people()).orElseThrow();
    }
}
