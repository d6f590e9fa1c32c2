package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Native tensors over pooled direct buffers. */
class NativeFeedTest {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private static float[] values(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void partsAreWrittenOneAfterTheOther() throws Exception {
        try (NativeFeed feed = new NativeFeed(ENV, new NativeFeed.Buffers())) {
            OnnxTensor t = feed.putAll("sample", List.of(new float[] {1, 2}, new float[] {3, 4}), 2, 2);
            assertThat(t.getInfo().getShape()).containsExactly(2, 2);
            assertThat(values(t)).containsExactly(1, 2, 3, 4);
            feed.put("sample", new float[] {5, 6, 7, 8}, 2, 2);
            assertThat(values(t)).as("rewritten in place").containsExactly(5, 6, 7, 8);
        }
    }

    @Test
    void aPartsTotalOtherThanTheShapesIsRefused() throws Exception {
        try (NativeFeed feed = new NativeFeed(ENV, new NativeFeed.Buffers())) {
            assertThatThrownBy(() -> feed.putAll("tokens", List.of(new float[3]), 2, 2))
                    .hasMessageContaining("tokens").hasMessageContaining("needs 4 values, got 3");
        }
    }

    @Test
    void theNextFeedReusesThePoolsBuffersForTheSameNameAndSize() throws Exception {
        NativeFeed.Buffers pool = new NativeFeed.Buffers();
        FloatBuffer first = pool.get("sample", 8);
        assertThat(pool.get("sample", 8)).isSameAs(first);
        assertThat(pool.get("sample", 16)).isNotSameAs(first).satisfies(b -> assertThat(b.capacity()).isEqualTo(16));
        try (NativeFeed feed = new NativeFeed(ENV, pool)) {
            feed.put("x", new float[] {1, 2, 3}, 3);
        }
        try (NativeFeed feed = new NativeFeed(ENV, pool)) {
            OnnxTensor t = feed.put("x", new float[] {4, 5, 6}, 3);
            assertThat(values(t)).containsExactly(4, 5, 6);
            assertThat(pool.get("x", 3).get(0)).isEqualTo(4);
        }
    }
}
