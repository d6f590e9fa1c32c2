package org.fvstudio.pose.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DwposeRendererTest {

    private final DwposeRenderer renderer = new DwposeRenderer();

    @Test
    void scaledRenderPutsJointsAtScaledPositionsWithUnchangedStrokeSize() throws IOException {
        Pose pose = OpenPoseTestJson.read("/dwpose-render/pose2sim_cam03_0030.json");
        PersonPose person = pose.people().get(0);
        double scale = 0.5;
        RgbImage small = renderer.render(pose, pose.canvasWidth() / 2, pose.canvasHeight() / 2, scale);

        for (BodyJoint joint : List.of(BodyJoint.NECK, BodyJoint.RIGHT_KNEE, BodyJoint.LEFT_ANKLE)) {
            Keypoint k = person.get(joint);
            int x = (int) (k.x() * scale);
            int y = (int) (k.y() * scale);
            assertThat(small.rgb(x, y)).as(joint.name()).isEqualTo(DwposeStyle.bodyColor(joint.index()));
        }
        // a radius-4 joint disc still spans 9 pixels on its centre row at half size
        Keypoint neck = person.get(BodyJoint.NECK);
        int cy = (int) (neck.y() * scale);
        int cx = (int) (neck.x() * scale);
        assertThat(small.rgb(cx - 4, cy)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.NECK.index()));
        assertThat(small.rgb(cx + 4, cy)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.NECK.index()));
    }

    @Test
    void limbsAreDimmedTo60PercentAndJointsKeepFullColour() {
        Pose pose = twoPointPose(0.9, 0.9);
        RgbImage image = renderer.render(pose);
        // midpoint of the neck-right shoulder limb (limb 0, red): 255 * 0.6 truncated = 153
        assertThat(image.rgb(150, 100)).isEqualTo(153 << 16);
        assertThat(image.rgb(100, 100)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.NECK.index()));
        assertThat(image.rgb(200, 100)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.RIGHT_SHOULDER.index()));
    }

    @Test
    void bodyPointAtExactlyThresholdIsHiddenAndItsLimbDisappears() {
        RgbImage image = renderer.render(twoPointPose(0.9, 0.3));
        assertThat(image.rgb(150, 100)).isZero();
        assertThat(image.rgb(200, 100)).isZero();
        assertThat(image.rgb(100, 100)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.NECK.index()));

        RgbImage visible = renderer.render(twoPointPose(0.9, 0.31));
        assertThat(visible.rgb(200, 100)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.RIGHT_SHOULDER.index()));
    }

    @Test
    void handAndFacePointsNeedThresholdAndOnePercentMargin() {
        PersonPose person = PersonPose.empty()
                .with(BodyPart.LEFT_HAND.globalIndex(0), new Keypoint(50, 50, 0.3))
                .with(BodyPart.LEFT_HAND.globalIndex(1), new Keypoint(150, 50, 0.29))
                .with(BodyPart.FACE.globalIndex(0), new Keypoint(1.5, 80, 1)) // x/W = 0.0075 < 0.01
                .with(BodyPart.FACE.globalIndex(1), new Keypoint(120, 150, 1));
        RgbImage image = renderer.render(new Pose(200, 200, List.of(person)));
        assertThat(image.rgb(50, 50)).isEqualTo(DwposeStyle.HAND_JOINT_COLOR);
        assertThat(image.rgb(150, 50)).isZero();
        assertThat(image.rgb(100, 50)).as("no edge to a hidden point").isZero();
        assertThat(image.rgb(1, 80)).isZero();
        assertThat(image.rgb(120, 150)).isEqualTo(DwposeStyle.FACE_POINT_COLOR);
    }

    @Test
    void handEdgesUseTheRainbowColours() {
        assertThat(DwposeStyle.handEdgeColor(0)).isEqualTo(0xFF0000);
        // edge 5: hue 0.25 -> (0.5, 1, 0) * 255; 127.5 rounds half to even -> 128
        assertThat(DwposeStyle.handEdgeColor(5)).isEqualTo(128 << 16 | 0xFF00);
        PersonPose person = PersonPose.empty()
                .with(BodyPart.RIGHT_HAND.globalIndex(0), new Keypoint(20, 100, 1))
                .with(BodyPart.RIGHT_HAND.globalIndex(1), new Keypoint(180, 100, 1));
        RgbImage image = renderer.render(new Pose(200, 200, List.of(person)));
        assertThat(image.rgb(100, 100)).isEqualTo(DwposeStyle.handEdgeColor(0));
        assertThat(image.rgb(100, 99)).isEqualTo(DwposeStyle.handEdgeColor(0));
        assertThat(image.rgb(100, 97)).isZero();
    }

    @Test
    void renderIntoClearsPreviousContentAndReusesTheBuffer() {
        RgbImage target = new RgbImage(300, 200);
        target.setRgb(10, 10, 0xFFFFFF);
        renderer.renderInto(twoPointPose(0.9, 0.9), target);
        assertThat(target.rgb(10, 10)).isZero();
        assertThat(target.rgb(100, 100)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.NECK.index()));
        assertThat(target.packedPixels()).isEqualTo(renderer.render(twoPointPose(0.9, 0.9)).packedPixels());
    }

    @Test
    void offCanvasPointsAreClippedWithoutError() {
        PersonPose person = PersonPose.empty()
                .with(BodyJoint.NECK.index(), new Keypoint(-500, 100, 1))
                .with(BodyJoint.RIGHT_SHOULDER.index(), new Keypoint(150, 100, 1))
                .with(BodyPart.LEFT_HAND.globalIndex(0), new Keypoint(1e9, 5, 1))
                .with(BodyPart.LEFT_HAND.globalIndex(1), new Keypoint(100, 5e8, 1));
        RgbImage image = renderer.render(new Pose(300, 200, List.of(person)));
        assertThat(image.rgb(0, 100)).isEqualTo(153 << 16);
        assertThat(image.rgb(150, 100)).isEqualTo(DwposeStyle.bodyColor(BodyJoint.RIGHT_SHOULDER.index()));
    }

    @Test
    void argbConversionAndPngRoundTrip(@TempDir Path dir) throws IOException {
        RgbImage image = renderer.render(twoPointPose(0.9, 0.9));
        int[] argb = new int[image.width() * image.height()];
        image.toArgb(argb);
        assertThat(argb[100 * image.width() + 100]).isEqualTo(0xFF000000 | DwposeStyle.bodyColor(1));
        assertThat(argb[0]).isEqualTo(0xFF000000);
        image.toArgbBlackTransparent(argb);
        assertThat(argb[0]).isZero();

        Path file = dir.resolve("pose.png");
        PngImages.write(image, file);
        assertThat(PngImages.read(file).packedPixels()).isEqualTo(image.packedPixels());
        assertThat(RgbImage.ofRgbBytes(image.width(), image.height(), image.toRgbBytes()).packedPixels())
                .isEqualTo(image.packedPixels());
    }

    @Test
    void unreadableImageNamesTheFile(@TempDir Path dir) throws IOException {
        Path bogus = dir.resolve("not-an-image.png");
        java.nio.file.Files.writeString(bogus, "hello");
        assertThatThrownBy(() -> PngImages.read(bogus)).isInstanceOf(IOException.class).hasMessageContaining("not-an-image.png");
    }

    /** Neck at (100, 100), right shoulder at (200, 100) on a 300 x 200 canvas. */
    static Pose twoPointPose(double neckConfidence, double shoulderConfidence) {
        PersonPose person = PersonPose.empty()
                .with(BodyJoint.NECK.index(), new Keypoint(100, 100, neckConfidence))
                .with(BodyJoint.RIGHT_SHOULDER.index(), new Keypoint(200, 100, shoulderConfidence));
        return new Pose(300, 200, List.of(person));
    }
}
