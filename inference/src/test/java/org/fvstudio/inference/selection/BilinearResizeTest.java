package org.fvstudio.inference.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BilinearResizeTest {

    /** Cases written by PyTorch's F.interpolate (see make_interpolate_cases.py beside the JSON). */
    @Test
    void matchesPyTorchInterpolateForBothCornerConventions() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/selection/interpolate_cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            float[] input = floats(c.get("input"));
            float[] expected = floats(c.get("output"));
            float[] actual = BilinearResize.resize(input, c.get("in_h").asInt(), c.get("in_w").asInt(),
                    c.get("out_h").asInt(), c.get("out_w").asInt(), c.get("align_corners").asBoolean());
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("case %s value %d", c.toString().substring(0, 60), i).isCloseTo(expected[i], within(1e-5f));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(12);
    }

    @Test
    void halvingWithoutAlignedCornersIsTheMeanOfEachTwoByTwoBlock() {
        java.util.Random r = new java.util.Random(9);
        float[] src = new float[16 * 16];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) r.nextGaussian();
        }
        float[] out = BilinearResize.resize(src, 16, 16, 8, 8, false);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                float mean = (src[(2 * y) * 16 + 2 * x] + src[(2 * y) * 16 + 2 * x + 1]
                        + src[(2 * y + 1) * 16 + 2 * x] + src[(2 * y + 1) * 16 + 2 * x + 1]) / 4;
                assertThat(out[y * 8 + x]).isCloseTo(mean, within(1e-6f));
            }
        }
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
