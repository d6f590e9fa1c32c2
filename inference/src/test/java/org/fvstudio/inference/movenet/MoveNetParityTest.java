package org.fvstudio.inference.movenet;

import org.fvstudio.inference.image.SquareCrop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.inference.runtime.SessionSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The converted graphs in ONNX Runtime reproduce the original TensorFlow.js models: for the exact input that
 * TF.js was given (tools/tfjs2onnx wrote it beside the outputs), every value within 1e-4.
 */
class MoveNetParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
        "astronaut, thunder", "pose2sim_cam01_f025, thunder", "pose2sim_cam01_f075, thunder", "pose2sim_cam03_f050, thunder",
        "astronaut, lightning", "pose2sim_cam01_f025, lightning", "pose2sim_cam03_f050, lightning"})
    void onnxRuntimeGivesTheTfjsKeypoints(String image, String variant) throws Exception {
        String prefix = variant.equals("thunder") ? image : image + ".lightning";
        JsonNode golden = JSON.readTree(resource(prefix + ".tfjs.json").toFile());
        byte[] rgb = Files.readAllBytes(resource(prefix + ".input.rgb"));
        Path model = variant.equals("thunder") ? MoveNetModels.thunder() : MoveNetModels.lightning();

        try (MoveNetModel net = MoveNetModel.open(model, SessionSettings.defaults().withDevice(DevicePreference.CPU))) {
            assertThat(rgb).hasSize(net.side() * net.side() * 3);
            int[] input = new int[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                input[i] = rgb[i] & 0xff;
            }
            float[] out = net.run(input);
            JsonNode expected = golden.get("tfjs").get("keypoints");
            assertThat(expected).hasSize(MoveNetModel.POINTS);
            for (int k = 0; k < MoveNetModel.POINTS; k++) {
                for (int c = 0; c < 3; c++) {
                    assertThat((double) out[3 * k + c]).as("%s %s point %d value %d", image, variant, k, c)
                            .isCloseTo(expected.get(k).get(c).asDouble(), within(1e-4));
                }
            }
        }
    }

    /** The Java preprocessing (letterbox + Pillow-bilinear resize) gives the very input TF.js was fed, to 1 level. */
    @ParameterizedTest
    @CsvSource({"astronaut, 256", "pose2sim_cam01_f025, 256", "pose2sim_cam03_f050, 256", "pose2sim_cam03_f050, 192"})
    void thePreprocessingReproducesTheReferenceInput(String image, int side) throws Exception {
        RgbImage picture = ImageFiles.read(resource(image + ".png"));
        int[] ours = new int[side * side * 3];
        SquareCrop.around(picture.width(), picture.height()).writeNhwc(picture, side, ours);
        byte[] theirs = Files.readAllBytes(resource(image + (side == 256 ? "" : ".lightning") + ".input.rgb"));
        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - (theirs[i] & 0xff)));
        }
        assertThat(worst).as("largest difference of one channel value").isLessThanOrEqualTo(1);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(MoveNetParityTest.class.getResource("/movenet/" + name).toURI());
    }
}
