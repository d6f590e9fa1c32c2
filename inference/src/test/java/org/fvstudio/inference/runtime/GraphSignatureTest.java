package org.fvstudio.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class GraphSignatureTest {

    private static final Path DETECTOR = Path.of("src/test/resources/dwpose/yolox_l.onnx");
    private static final Path WRONG_DETECTOR = Path.of("src/test/resources/dwpose/wrong_size_detector.onnx");

    private static final GraphSignature EXPECTED_DETECTOR = new GraphSignature(
            List.of(TensorSpec.of("images", ElementType.FLOAT32, 1, 3, 640, 640)),
            List.of(TensorSpec.unnamed(ElementType.FLOAT32, 1, 8400, 85)));

    @Test
    void readsNamesTypesAndShapesOfARealGraph() throws Exception {
        try (ModelSession session = ModelSessions.open(DETECTOR, SessionSettings.defaults())) {
            GraphSignature found = session.signature();
            assertThat(found.inputs()).containsExactly(TensorSpec.of("images", ElementType.FLOAT32, 1, 3, 640, 640));
            assertThat(found.outputs()).containsExactly(TensorSpec.of("output", ElementType.FLOAT32, 1, 8400, 85));
            assertThat(found.differencesFrom(EXPECTED_DETECTOR)).isEmpty();
        }
    }

    @Test
    void wrongShapeIsRefusedNamingFileTensorExpectedAndFound() throws Exception {
        try (ModelSession session = ModelSessions.open(WRONG_DETECTOR, SessionSettings.defaults())) {
            assertThatThrownBy(() -> session.requireSignature(EXPECTED_DETECTOR))
                    .isInstanceOf(GraphSignatureException.class)
                    .hasMessageContaining("wrong_size_detector.onnx")
                    .hasMessageContaining("input 'images': expected float32 [1, 3, 640, 640], found float32 [1, 3, 416, 416]")
                    .hasMessageContaining("output #0 ('output'): expected float32 [1, 8400, 85], found float32 [1, 3549, 85]");
        }
    }

    @Test
    void dynamicAxesAcceptAnySizeButRankAndTypeMustMatch() {
        TensorSpec expected = TensorSpec.of("x", ElementType.FLOAT32, 1, 3, 64, 64);
        assertThat(expected.accepts(TensorSpec.found("x", ElementType.FLOAT32, new long[] {-1, 3, 64, 64}))).isTrue();
        assertThat(TensorSpec.of("x", ElementType.FLOAT32, TensorSpec.ANY, 3).accepts(
                TensorSpec.of("x", ElementType.FLOAT32, 7, 3))).isTrue();
        assertThat(expected.accepts(TensorSpec.of("x", ElementType.FLOAT32, 1, 3, 64))).isFalse();
        assertThat(expected.accepts(TensorSpec.of("x", ElementType.FLOAT16, 1, 3, 64, 64))).isFalse();
        assertThat(expected.accepts(TensorSpec.of("x", ElementType.FLOAT32, 1, 3, 64, 32))).isFalse();
    }

    @Test
    void missingAndUnexpectedTensorsAreNamed() {
        GraphSignature found = new GraphSignature(
                List.of(TensorSpec.of("image", ElementType.FLOAT32, 1, 3, 8, 8)),
                List.of(TensorSpec.of("out", ElementType.INT64, 1)));
        GraphSignature expected = new GraphSignature(
                List.of(TensorSpec.of("input", ElementType.FLOAT32, 1, 3, 8, 8)),
                List.of(TensorSpec.of("out", ElementType.FLOAT32, 1), TensorSpec.of("extra", ElementType.FLOAT32, 2)));
        assertThat(found.differencesFrom(expected)).containsExactly(
                "input 'input': expected float32 [1, 3, 8, 8], found no such input (inputs: 'image')",
                "output 'out': expected float32 [1], found int64 [1]",
                "output 'extra': expected float32 [2], found no such output (outputs: 'out')",
                "input 'image': not expected, found float32 [1, 3, 8, 8] (the code has nothing to feed it)");
    }

    @Test
    void extraOutputsAreAllowed() {
        GraphSignature found = new GraphSignature(
                List.of(TensorSpec.of("in", ElementType.FLOAT32, 2)),
                List.of(TensorSpec.of("a", ElementType.FLOAT32, 2), TensorSpec.of("debug", ElementType.FLOAT32, 2)));
        GraphSignature expected = new GraphSignature(
                List.of(TensorSpec.of("in", ElementType.FLOAT32, 2)), List.of(TensorSpec.of("a", ElementType.FLOAT32, 2)));
        assertThat(found.differencesFrom(expected)).isEmpty();
    }

    @Test
    void elementTypeNamesParse() {
        assertThat(ElementType.parse("float")).isEqualTo(ElementType.FLOAT32);
        assertThat(ElementType.parse("int64")).isEqualTo(ElementType.INT64);
        assertThatThrownBy(() -> ElementType.parse("complex")).hasMessageContaining("complex");
    }
}
