package org.fvstudio.inference.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand, face and BlazePose graphs in ONNX Runtime reproduce TensorFlow.js on the crops it was fed (every
 * value within 1e-4 of the input size, presence within 1e-4), and the Java crop gives those very inputs (within
 * one level).
 */
class LandmarkParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"hand, astronaut_glove", "hand, pose2sim_cam03_f050_right_hand", "face, astronaut_face",
        "face, pose2sim_cam01_f075_face", "blazepose, astronaut", "blazepose, pose2sim_cam03_f050"})
    void onnxRuntimeGivesTheTfjsLandmarks(String family, String name) throws Exception {
        JsonNode golden = JSON.readTree(resource(family, name + ".tfjs.json").toFile());
        byte[] rgb = Files.readAllBytes(resource(family, name + ".input.rgb"));
        LandmarkModel.Outputs outputs = switch (family) {
            case "hand" -> LandmarkModel.HAND;
            case "face" -> LandmarkModel.FACE;
            default -> LandmarkModel.POSE;
        };
        try (LandmarkModel model = LandmarkModel.open(model(family), outputs, cpu())) {
            float[] input = new float[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                input[i] = (rgb[i] & 0xff) / 255f;
            }
            LandmarkModel.Result result = model.run(input);
            JsonNode points = golden.get("tfjs").get("outputs").get(outputs.points()).get("values");
            double tolerance = 1e-4 * model.size();
            for (int i = 0; i < outputs.pointCount() * outputs.valuesPerPoint(); i++) {
                assertThat((double) result.points()[i]).as("%s value %d", name, i)
                        .isCloseTo(flat(points, i), within(tolerance));
            }
            assertThat((double) result.presence()).isCloseTo(golden.get("tfjs").get("presence").asDouble(), within(1e-4));
        }
    }

    @ParameterizedTest
    @CsvSource({"hand, astronaut_glove", "face, astronaut_face"})
    void theCropReproducesTheReferenceInput(String family, String name) throws Exception {
        JsonNode geometry = JSON.readTree(resource(family, name + ".tfjs.json").toFile()).get("input").get("geometry");
        RotatedCrop crop = new RotatedCrop(geometry.get("cx").asDouble(), geometry.get("cy").asDouble(),
                geometry.get("side").asDouble(), geometry.get("angle_rad").asDouble());
        RgbImage astronaut = ImageFiles.read(Path.of(getClass().getResource("/movenet/astronaut.png").toURI()));
        byte[] theirs = Files.readAllBytes(resource(family, name + ".input.rgb"));
        int size = (int) Math.round(Math.sqrt(theirs.length / 3.0));
        float[] ours = new float[theirs.length];
        crop.writeUnitNhwc(astronaut, size, ours);
        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(Math.round(ours[i] * 255) - (theirs[i] & 0xff)));
        }
        assertThat(worst).isLessThanOrEqualTo(1);
    }

    /** Values are stored either flat or as [1][n] nested lists. */
    private static double flat(JsonNode values, int i) {
        JsonNode node = values;
        while (node.isArray() && node.size() == 1 && node.get(0).isArray()) {
            node = node.get(0);
        }
        return node.get(i).asDouble();
    }

    static SessionSettings cpu() {
        return SessionSettings.defaults().withDevice(DevicePreference.CPU);
    }

    static Path model(String family) {
        Path assets = Path.of(System.getProperty("user.dir")).resolve("../assets/models").normalize();
        return switch (family) {
            case "hand" -> assets.resolve("hand/handlandmark-lite.onnx");
            case "face" -> assets.resolve("face/facemesh.onnx");
            default -> assets.resolve("blazepose/blazepose-lite.onnx");
        };
    }

    static Path resource(String family, String name) throws Exception {
        return Path.of(LandmarkParityTest.class.getResource("/" + family + "/" + name).toURI());
    }
}
