package org.fvstudio.inference.movenet;

import org.fvstudio.inference.image.SquareCrop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;

class MoveNetMappingTest {

    @Test
    void coco17BecomesTheOpenPoseBodyWithANeckAndNothingElse() {
        double[] coco = new double[17 * 3];
        for (int i = 0; i < 17; i++) {
            coco[3 * i] = 100 + i;        // x
            coco[3 * i + 1] = 200 + 2 * i; // y
            coco[3 * i + 2] = 0.9;
        }
        coco[3 * 9 + 2] = 0.1; // left wrist not found

        PersonPose pose = MoveNetExtractor.toDwpose(coco);

        // OpenPose-18 j <- COCO index: nose 0, RShoulder 6, LElbow 7, RHip 12, LAnkle 15, REye 2, LEar 3.
        assertThat(pose.x(0)).isEqualTo(100);
        assertThat(pose.x(2)).isEqualTo(106);
        assertThat(pose.x(6)).isEqualTo(107);
        assertThat(pose.x(8)).isEqualTo(112);
        assertThat(pose.x(13)).isEqualTo(115);
        assertThat(pose.x(14)).isEqualTo(102);
        assertThat(pose.x(17)).isEqualTo(103);
        // Neck: the middle of both shoulders (COCO 5 and 6).
        assertThat(pose.x(1)).isCloseTo(105.5, within(1e-9));
        assertThat(pose.y(1)).isCloseTo(211, within(1e-9));
        // The left wrist (OpenPose 7) was below the threshold: absent, not guessed.
        assertThat(pose.confidence(7)).isZero();
        assertThat(pose.hasAnyPresent(BodyPart.FACE)).isFalse();
        assertThat(pose.hasAnyPresent(BodyPart.LEFT_HAND)).isFalse();
        assertThat(pose.hasAnyPresent(BodyPart.RIGHT_HAND)).isFalse();
        assertThat(pose.hasAnyPresent(BodyPart.FEET)).isFalse();
    }

    @Test
    void outputsNormalisedToACropLandInPicturePixels() {
        SquareCrop whole = SquareCrop.around(1080, 1920);
        assertThat(whole.left()).isEqualTo(-420);
        assertThat(SquareCrop.around(271, 480).left()).as("Python's (480 - 271) // 2").isEqualTo(-104);
        assertThat(whole.top()).isZero();
        float[] yxs = new float[17 * 3];
        yxs[0] = 0.25f;  // y
        yxs[1] = 0.5f;   // x
        yxs[2] = 0.8f;
        double[] xys = MoveNetExtractor.toPicture(yxs, whole);
        assertThat(xys[0]).isCloseTo(540, within(1e-3));
        assertThat(xys[1]).isCloseTo(480, within(1e-3));
        assertThat(xys[2]).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void theSecondLookIsASquareAroundTheConfidentPoints() {
        RgbImage frame = new RgbImage(1080, 1920);
        double[] xys = new double[17 * 3];
        for (int i = 0; i < 17; i++) {
            xys[3 * i] = 400 + 10 * i;   // 400..560
            xys[3 * i + 1] = 600 + 40 * i; // 600..1240
            xys[3 * i + 2] = i == 16 ? 0.05 : 0.7;
        }
        Optional<SquareCrop> crop = MoveNetExtractor.aroundPerson(xys, frame);
        assertThat(crop).isPresent();
        // Confident points span 400..550 x 600..1200: 600 px tall, times the margin.
        assertThat((double) crop.get().size()).isCloseTo(600 * MoveNetExtractor.PERSON_MARGIN, within(0.5));
        assertThat(crop.get().left() + crop.get().size() / 2.0).isCloseTo(475, within(1.0));
        assertThat(crop.get().top() + crop.get().size() / 2.0).isCloseTo(900, within(1.0));

        double[] nobody = new double[17 * 3];
        assertThat(MoveNetExtractor.aroundPerson(nobody, frame)).isEmpty();
    }

    @Test
    void pixelsBeyondThePictureReadAsBlackAndInsideAsThePicture() {
        RgbImage grey = new RgbImage(4, 2);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                grey.setRgb(x, y, 0x808080);
            }
        }
        int[] out = new int[4 * 4 * 3];
        SquareCrop.around(4, 2).writeNhwc(grey, 4, out);
        // The 4x2 picture centred in a 4x4 square: rows 0 and 3 are padding, rows 1 and 2 the picture.
        assertThat(out[0]).isZero();
        assertThat(out[3 * (1 * 4 + 1)]).isEqualTo(128);
        assertThat(out[3 * (2 * 4 + 2)]).isEqualTo(128);
        assertThat(out[3 * (3 * 4 + 3)]).isZero();
    }
}
