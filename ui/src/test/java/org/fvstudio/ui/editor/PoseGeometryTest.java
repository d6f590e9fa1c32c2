package org.fvstudio.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.junit.jupiter.api.Test;

class PoseGeometryTest {

    private final PersonPose person = TestPoses.cam03Person(30);

    private static double distance(PersonPose p, int a, int b) {
        return Math.hypot(p.x(a) - p.x(b), p.y(a) - p.y(b));
    }

    @Test
    void keepingBoneLengthsSwingsTheJointAboutItsParentAndTheChildrenFollow() {
        int shoulder = BodyJoint.RIGHT_SHOULDER.index();
        int elbow = BodyJoint.RIGHT_ELBOW.index();
        int wrist = BodyJoint.RIGHT_WRIST.index();
        assertThat(person.confidence(elbow)).isGreaterThan(0.3);
        double upperArm = distance(person, shoulder, elbow);
        double forearm = distance(person, elbow, wrist);

        // pull the elbow far out to the side and up
        PersonPose moved = PoseGeometry.dragKeepingLengths(person, elbow, person.x(shoulder) - 300, person.y(shoulder) - 300);

        assertThat(distance(moved, shoulder, elbow)).isCloseTo(upperArm, within(1e-9));
        assertThat(distance(moved, elbow, wrist)).isCloseTo(forearm, within(1e-9));
        // the elbow now lies on the line towards the cursor (up-left of the shoulder)
        assertThat(moved.x(elbow)).isLessThan(person.x(shoulder));
        assertThat(moved.y(elbow)).isLessThan(person.y(shoulder));
        assertThat(moved.x(shoulder)).isEqualTo(person.x(shoulder));
        assertThat(moved.get(BodyJoint.LEFT_WRIST)).isEqualTo(person.get(BodyJoint.LEFT_WRIST));
    }

    @Test
    void plainDragMovesOnlyThatJoint() {
        int elbow = BodyJoint.LEFT_ELBOW.index();
        PersonPose moved = PoseGeometry.moveJoint(person, elbow, 100, 120);
        assertThat(moved.x(elbow)).isEqualTo(100);
        assertThat(moved.y(elbow)).isEqualTo(120);
        assertThat(moved.confidence(elbow)).isEqualTo(person.confidence(elbow));
        assertThat(moved.get(BodyJoint.LEFT_WRIST)).isEqualTo(person.get(BodyJoint.LEFT_WRIST));
    }

    @Test
    void hidingKeepsThePositionAndShowingRestoresIt() {
        int knee = BodyJoint.LEFT_KNEE.index();
        PersonPose hidden = PoseGeometry.hide(person, List.of(knee));
        assertThat(hidden.confidence(knee)).isZero();
        assertThat(hidden.x(knee)).isEqualTo(person.x(knee));
        assertThat(hidden.y(knee)).isEqualTo(person.y(knee));

        PersonPose shown = PoseGeometry.show(hidden, List.of(knee));
        assertThat(shown.get(knee)).isEqualTo(new Keypoint(person.x(knee), person.y(knee), 1));
    }

    @Test
    void rotateAndScaleAboutAPoint() {
        List<Integer> arm = List.of(2, 3, 4);
        double cx = person.x(2);
        double cy = person.y(2);
        PersonPose turned = PoseGeometry.rotate(person, arm, cx, cy, Math.PI / 2);
        // a quarter turn (clockwise on screen, y down): (dx, dy) -> (-dy, dx)
        assertThat(turned.x(4) - cx).isCloseTo(-(person.y(4) - cy), within(1e-9));
        assertThat(turned.y(4) - cy).isCloseTo(person.x(4) - cx, within(1e-9));

        PersonPose doubled = PoseGeometry.scale(person, arm, cx, cy, 2);
        assertThat(distance(doubled, 2, 4)).isCloseTo(2 * distance(person, 2, 4), within(1e-9));
        assertThat(doubled.get(0)).isEqualTo(person.get(0));
    }

    @Test
    void mirrorSwapsSidesAboutTheMidlineAndTwiceIsTheOriginal() {
        double axis = PoseShapes.midlineX(person);
        assertThat(axis).isEqualTo(person.x(1));
        PersonPose mirrored = PoseShapes.mirrored(person, axis);

        assertThat(mirrored.x(BodyJoint.RIGHT_SHOULDER.index()))
                .isCloseTo(2 * axis - person.x(BodyJoint.LEFT_SHOULDER.index()), within(1e-9));
        assertThat(mirrored.y(BodyJoint.RIGHT_SHOULDER.index())).isEqualTo(person.y(BodyJoint.LEFT_SHOULDER.index()));
        assertThat(mirrored.confidence(BodyJoint.RIGHT_KNEE.index())).isEqualTo(person.confidence(BodyJoint.LEFT_KNEE.index()));
        assertThat(mirrored.x(1)).isCloseTo(person.x(1), within(1e-9));
        // face: the jaw's first point trades places with its last
        int face = BodyPart.FACE.offset();
        assertThat(mirrored.confidence(face)).isEqualTo(person.confidence(face + 16));

        PersonPose back = PoseShapes.mirrored(mirrored, axis);
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            assertThat(back.x(i)).isCloseTo(person.x(i), within(1e-9));
            assertThat(back.y(i)).isCloseTo(person.y(i), within(1e-9));
            assertThat(back.confidence(i)).isEqualTo(person.confidence(i));
        }
    }

    @Test
    void defaultHandStartsAtTheWristAndPointsAlongTheForearm() {
        PersonPose withHand = PoseShapes.withDefaultHand(person, BodyPart.LEFT_HAND);
        int wrist = BodyJoint.LEFT_WRIST.index();
        int elbow = BodyJoint.LEFT_ELBOW.index();
        int handWrist = BodyPart.LEFT_HAND.offset();
        int middleTip = BodyPart.LEFT_HAND.offset() + 12;
        assertThat(withHand.x(handWrist)).isCloseTo(person.x(wrist), within(1e-9));
        assertThat(withHand.y(handWrist)).isCloseTo(person.y(wrist), within(1e-9));
        for (int i = 0; i < 21; i++) {
            assertThat(withHand.confidence(handWrist + i)).isEqualTo(1);
        }
        double forearm = distance(person, elbow, wrist);
        // the middle fingertip continues the forearm, 0.45 x 1.13 forearm lengths past the wrist
        assertThat(distance(withHand, wrist, middleTip)).isCloseTo(0.45 * 1.13 * forearm, within(0.05 * forearm));
        assertThat(distance(withHand, elbow, middleTip)).isGreaterThan(forearm);
    }

    @Test
    void defaultFaceSitsOnTheNoseAndNeedsOne() {
        // cam03 frame 30 is seen from behind: no nose, so the face cannot be placed
        assertThat(person.confidence(0)).isZero();
        assertThatThrownBy(() -> PoseShapes.withDefaultFace(person)).hasMessageContaining("nose is missing");

        PersonPose faceless = PoseShapes.standingPerson(256, 50, 400)
                .withPart(BodyPart.FACE, java.util.Collections.nCopies(68, Keypoint.MISSING));
        PersonPose withFace = PoseShapes.withDefaultFace(faceless);
        int noseTip = BodyPart.FACE.offset() + 30;
        assertThat(withFace.x(noseTip)).isCloseTo(faceless.x(0), within(1e-9));
        assertThat(withFace.y(noseTip)).isCloseTo(faceless.y(0), within(1e-9));
        assertThat(withFace.part(BodyPart.FACE)).allMatch(Keypoint::isVisible);
        // the template's eyes lie above the nose and its right eye left of the left one
        assertThat(withFace.y(BodyPart.FACE.offset() + 37)).isLessThan(faceless.y(0));
        assertThat(withFace.x(BodyPart.FACE.offset() + 36)).isLessThan(withFace.x(BodyPart.FACE.offset() + 45));
    }

    @Test
    void standingPersonIsComplete() {
        PersonPose standing = PoseShapes.standingPerson(256, 50, 400);
        assertThat(standing.presentCount()).isEqualTo(PersonPose.KEYPOINT_COUNT);
        assertThat(standing.y(BodyJoint.LEFT_ANKLE.index())).isGreaterThan(standing.y(1));
    }
}
