package org.fvstudio.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.ShotScale;
import org.junit.jupiter.api.Test;

/** Issue 21 item 5: Add person fits the shot scale instead of dropping a full body across a close-up. */
class PersonFramingTest {

    private static final int W = 512;
    private static final int H = 512;

    @Test
    void aCloseUpGetsHeadAndShouldersFillingThePictureAndTheRestOffImage() {
        PersonPose p = PoseShapes.framedPerson(PersonFraming.HEAD_AND_SHOULDERS, W / 2.0, W, H);
        for (BodyJoint joint : new BodyJoint[] {BodyJoint.NOSE, BodyJoint.NECK, BodyJoint.RIGHT_SHOULDER,
            BodyJoint.LEFT_SHOULDER, BodyJoint.RIGHT_EYE, BodyJoint.LEFT_EYE}) {
            assertThat(p.confidence(joint.index())).as("%s present", joint).isPositive();
            assertInside(p, joint.index());
        }
        for (BodyJoint joint : new BodyJoint[] {BodyJoint.RIGHT_WRIST, BodyJoint.LEFT_HIP, BodyJoint.RIGHT_KNEE,
            BodyJoint.LEFT_ANKLE}) {
            assertThat(p.confidence(joint.index())).as("%s off-image", joint).isZero();
        }
        assertThat(p.hasAnyPresent(BodyPart.LEFT_HAND)).isFalse();
        assertThat(p.hasAnyPresent(BodyPart.FEET)).isFalse();
        assertThat(p.hasAnyPresent(BodyPart.FACE)).isTrue();
        // The shoulders sit in the lower half and span a good part of the width, as in a head-and-shoulders shot.
        double shoulders = p.x(BodyJoint.LEFT_SHOULDER.index()) - p.x(BodyJoint.RIGHT_SHOULDER.index());
        assertThat(shoulders).isBetween(0.4 * W, 0.95 * W);
        assertThat(p.y(BodyJoint.NECK.index())).isBetween(0.5 * H, 0.9 * H);
    }

    @Test
    void aMediumShotShowsTheBodyToTheWaist() {
        PersonPose p = PoseShapes.framedPerson(PersonFraming.WAIST_UP, W / 2.0, W, H);
        for (BodyJoint joint : new BodyJoint[] {BodyJoint.RIGHT_WRIST, BodyJoint.LEFT_ELBOW, BodyJoint.RIGHT_HIP}) {
            assertThat(p.confidence(joint.index())).as("%s present", joint).isPositive();
            assertInside(p, joint.index());
        }
        assertThat(p.confidence(BodyJoint.LEFT_KNEE.index())).isZero();
        assertThat(p.hasAnyPresent(BodyPart.RIGHT_HAND)).isTrue();
    }

    @Test
    void aWideShotShowsTheWholeBodyInsideTheCanvas() {
        PersonPose p = PoseShapes.framedPerson(PersonFraming.FULL_BODY, W / 2.0, W, H);
        for (int i = 0; i < 24; i++) {
            assertThat(p.confidence(i)).as("body/foot point %d", i).isPositive();
            assertInside(p, i);
        }
        assertThat(p.y(BodyJoint.LEFT_ANKLE.index())).isGreaterThan(0.8 * H);
    }

    @Test
    void eachShotScaleHasItsFraming() {
        assertThat(PersonFraming.of(ShotScale.CLOSE_UP)).isEqualTo(PersonFraming.HEAD_AND_SHOULDERS);
        assertThat(PersonFraming.of(ShotScale.MEDIUM)).isEqualTo(PersonFraming.WAIST_UP);
        assertThat(PersonFraming.of(ShotScale.WIDE)).isEqualTo(PersonFraming.FULL_BODY);
        assertThat(PersonFraming.of(ShotScale.OTHER)).isEqualTo(PersonFraming.FULL_BODY);
    }

    private static void assertInside(PersonPose p, int index) {
        assertThat(p.x(index)).as("x of %d", index).isBetween(0.0, (double) W);
        assertThat(p.y(index)).as("y of %d", index).isBetween(0.0, (double) H);
    }
}
