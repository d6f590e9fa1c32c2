package org.fvstudio.inference.dwpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;

/** Each pre- and post-processing step on hand-made inputs, against values worked out by hand. */
class StepsTest {

    @Test
    void letterboxRatioAndScaledSizeFollowTheShorterFit() {
        Letterbox portrait = Letterbox.fit(1088, 1920, 640);
        assertThat(portrait.ratio()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(portrait.scaledWidth()).isEqualTo(362); // floor(1088 / 3)
        assertThat(portrait.scaledHeight()).isEqualTo(640);
        assertThat(portrait.toSource(100)).isCloseTo(300, within(1e-9));
        Letterbox landscape = Letterbox.fit(1280, 720, 640);
        assertThat(landscape.ratio()).isEqualTo(0.5);
        assertThat(landscape.scaledWidth()).isEqualTo(640);
        assertThat(landscape.scaledHeight()).isEqualTo(360);
    }

    @Test
    void letterboxPastesTopLeftOnGreyWithBilinearHalfPixelSampling() {
        // 2x1 image, red 0 then 100, enlarged x2 to 4x2 on a 4x4 canvas:
        // sample positions (i + 0.5) / 2 - 0.5 = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped) -> 0, 25, 75, 100.
        RgbImage image = RgbImage.ofRgbBytes(2, 1, new byte[] {0, 10, 20, 100, 10, (byte) 200});
        Letterbox lb = Letterbox.fit(2, 1, 4);
        assertThat(lb.ratio()).isEqualTo(2.0);
        float[] chw = new float[3 * 16];
        lb.writeChw(image, chw);
        assertThat(new float[] {chw[0], chw[1], chw[2], chw[3]}).containsExactly(0f, 25f, 75f, 100f);
        assertThat(new float[] {chw[4], chw[5], chw[6], chw[7]}).containsExactly(0f, 25f, 75f, 100f);
        assertThat(chw[8]).isEqualTo(114f);  // row 2: padding
        assertThat(chw[16 + 1]).isEqualTo(10f); // green plane
        assertThat(chw[32 + 2]).isEqualTo(155f); // blue 20 -> 200: 20 + 0.75 * 180
        assertThat(chw[32 + 15]).isEqualTo(114f);
    }

    @Test
    void anchorsRunOverStrides8To32RowByRow() {
        assertThat(YoloxDecoder.anchorCount(640)).isEqualTo(8400);
        float[] out = new float[8400 * 85];
        // stride 16, cell (3, 4): index 6400 + 4 * 40 + 3
        int a = 6400 + 4 * 40 + 3;
        put(out, a, 0.5f, 0.25f, (float) Math.log(2), 0f, 0.8f, 0.5f);
        // stride 32, cell (19, 19): the last anchor; best class 7
        int b = 8399;
        put(out, b, 0f, 0f, 0f, 0f, 0.9f, 0.1f);
        out[b * 85 + 5 + 7] = 0.6f;
        Letterbox lb = Letterbox.fit(1280, 1280, 640); // r = 0.5
        List<Detection> found = YoloxDecoder.decode(out, 85, lb, 0.1);
        assertThat(found).hasSize(2);
        Detection first = found.get(0);
        // centre (3.5 * 16, 4.25 * 16) = (56, 68), size (2 * 16, 1 * 16) = (32, 16); divided by r = 0.5
        assertThat(first.box().x1()).isCloseTo(80, within(1e-4));
        assertThat(first.box().y1()).isCloseTo(120, within(1e-4));
        assertThat(first.box().x2()).isCloseTo(144, within(1e-4));
        assertThat(first.box().y2()).isCloseTo(152, within(1e-4));
        assertThat(first.score()).isCloseTo(0.4, within(1e-6));
        assertThat(first.classId()).isZero();
        Detection last = found.get(1);
        assertThat(last.classId()).isEqualTo(7);
        assertThat(last.box().centerX()).isCloseTo(19 * 32 * 2, within(1e-4));
        assertThat(last.box().width()).isCloseTo(64, within(1e-4));
        assertThat(last.score()).isCloseTo(0.54, within(1e-6));
        assertThat(YoloxDecoder.decode(out, 85, lb, 0.5)).hasSize(1);
    }

    @Test
    void nonMaxSuppressionKeepsTheBestOfOverlappingBoxes() {
        BoundingBox a = new BoundingBox(0, 0, 10, 10);
        BoundingBox b = new BoundingBox(1, 0, 11, 10);   // IoU 90 / 110 = 0.818
        BoundingBox c = new BoundingBox(5, 0, 15, 10);   // IoU with a: 50 / 150 = 0.333
        BoundingBox d = new BoundingBox(100, 100, 110, 110);
        assertThat(a.iou(b)).isCloseTo(90.0 / 110, within(1e-12));
        assertThat(a.iou(c)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(a.iou(d)).isZero();
        List<Detection> kept = NonMaxSuppression.apply(List.of(
                new Detection(b, 0, 0.7), new Detection(a, 0, 0.9), new Detection(c, 0, 0.5), new Detection(d, 3, 0.2)),
                0.45);
        assertThat(kept).extracting(Detection::box).containsExactly(a, c, d);
    }

    @Test
    void cropGrowsTheShortSideToAspectThreeQuartersAfterPadding() {
        CropTransform tall = CropTransform.forBox(new BoundingBox(100, 200, 300, 1000), 288, 384);
        // 200 x 800 -> 250 x 1000; 250 < 1000 * 0.75 -> width 750
        assertThat(tall.scaleW()).isCloseTo(750, within(1e-9));
        assertThat(tall.scaleH()).isCloseTo(1000, within(1e-9));
        CropTransform wide = CropTransform.forBox(new BoundingBox(0, 0, 400, 100), 288, 384);
        // 500 x 125 -> 500 > 93.75 -> height 500 / 0.75
        assertThat(wide.scaleW()).isCloseTo(500, within(1e-9));
        assertThat(wide.scaleH()).isCloseTo(500 / 0.75, within(1e-9));
        assertThat(tall.centerX()).isEqualTo(200);
        assertThat(tall.centerY()).isEqualTo(600);
    }

    @Test
    void warpAndItsInverseRoundTripAPoint() {
        CropTransform crop = CropTransform.forBox(new BoundingBox(216, 288, 792, 1728), 288, 384);
        double x = 333.25;
        double y = 1402.5;
        assertThat(crop.toImageX(crop.toCropX(x))).isCloseTo(x, within(1e-9));
        assertThat(crop.toImageY(crop.toCropY(y))).isCloseTo(y, within(1e-9));
        // Centre goes to centre; the region's left edge to crop x 0.
        assertThat(crop.toCropX(504)).isCloseTo(144, within(1e-9));
        assertThat(crop.toCropY(1008)).isCloseTo(192, within(1e-9));
        assertThat(crop.toCropX(504 - crop.scaleW() / 2)).isCloseTo(0, within(1e-9));
    }

    @Test
    void warpSamplesBilinearlyWithBlackBorderAndNormalises() {
        // 4x4 image, red = 10 * x, green = 10 * y, blue = 50.
        byte[] rgb = new byte[48];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                rgb[3 * (y * 4 + x)] = (byte) (10 * x);
                rgb[3 * (y * 4 + x) + 1] = (byte) (10 * y);
                rgb[3 * (y * 4 + x) + 2] = 50;
            }
        }
        RgbImage image = RgbImage.ofRgbBytes(4, 4, rgb);
        // Region 3 wide x 4 high centred at (1.5, 2) into a 3x4 crop: crop pixel u samples image x = u + 0, y = v + 0.
        CropTransform crop = new CropTransform(1.5, 2, 3, 4, 3, 4);
        float[] chw = new float[3 * 12];
        crop.writeNormalisedChw(image, chw);
        assertThat(chw[1 * 3 + 2]).isCloseTo((20 - 123.675f) / 58.395f, within(1e-5f));   // red at u=2, v=1
        assertThat(chw[12 + 3 * 3 + 0]).isCloseTo((30 - 116.28f) / 57.12f, within(1e-5f)); // green at v=3
        // Half-pixel shift: region centred at (2, 2) makes u sample x = u + 0.5; u = 2 -> red 25; u = 3 -> x 3.5: half black.
        CropTransform shifted = new CropTransform(2, 2, 3, 4, 3, 4);
        shifted.writeNormalisedChw(image, chw);
        assertThat(chw[2]).isCloseTo((25 - 123.675f) / 58.395f, within(1e-5f));
        CropTransform outside = new CropTransform(100, 100, 3, 4, 3, 4);
        outside.writeNormalisedChw(image, chw);
        assertThat(chw[0]).isCloseTo(-123.675f / 58.395f, within(1e-6f));
        assertThat(chw[24]).isCloseTo(-103.53f / 57.375f, within(1e-6f));
    }

    @Test
    void simccTakesArgmaxHalvesItAndScoresTheSmallerMaximum() {
        int k = 2;
        float[] x = new float[k * 6];
        float[] y = new float[k * 8];
        x[3] = 0.9f;             // point 0: x bin 3
        y[7] = 0.6f;             // point 0: y bin 7
        x[6 + 0] = 0.2f;         // point 1: x bin 0
        x[6 + 5] = 0.5f;         // point 1: x bin 5 wins
        y[8 + 2] = 0.95f;        // point 1: y bin 2
        double[] out = SimccDecoder.decode(x, y, k);
        assertThat(out).containsExactly(1.5, 3.5, 0.6f, 2.5, 1.0, 0.5f);
        float[] negative = {-1f, -0.5f};
        assertThat(SimccDecoder.decode(negative, negative, 1)[2]).isZero();
        assertThatThrownBy(() -> SimccDecoder.decode(new float[5], new float[8], 2)).hasMessageContaining("2 keypoints");
    }

    private static void put(float[] out, int anchor, float... values) {
        System.arraycopy(values, 0, out, anchor * 85, values.length);
    }
}
