package org.fvstudio.pose.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import org.fvstudio.pose.Pose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DwposeRenderer against images drawn by DWPose's own draw_pose (see dwpose-render/SOURCE.md). */
class DwposeRendererVectorTest {

    static Stream<String> vectors() {
        return Stream.of("editor_pose", "editor_pose_hand_fixed", "pose2sim_cam01_0000", "pose2sim_cam01_0050",
                "pose2sim_cam02_0099", "pose2sim_cam03_0030", "signer_0", "signer_8");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void matchesDwposeDrawPose(String name) throws IOException {
        Pose pose = OpenPoseTestJson.read("/dwpose-render/" + name + ".json");
        RgbImage expected;
        try (InputStream in = getClass().getResourceAsStream("/dwpose-render/" + name + ".png")) {
            expected = PngImages.read(in, name + ".png");
        }

        RgbImage actual = new DwposeRenderer().render(pose);

        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        ImageDifference diff = ImageDifference.between(actual, expected);
        System.out.printf("%s: mean abs diff per channel %s, %.4f%% pixels within 16, %d pixels differ%n",
                name, java.util.Arrays.toString(diff.meanAbsPerChannel()), 100 * diff.fractionWithin(16), diff.differingPixels());
        for (double channelMean : diff.meanAbsPerChannel()) {
            assertThat(channelMean).isLessThanOrEqualTo(2.0);
        }
        assertThat(diff.fractionWithin(16)).isGreaterThanOrEqualTo(0.97);
        // the skeleton is really there: the reference is not an empty canvas
        assertThat(diff.nonBlackPixelsOfSecond()).isGreaterThan(500);
    }
}
