package org.fvstudio.inference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

class ModelSessionsTest {

    private static final Path DETECTOR = Path.of("src/test/resources/dwpose/yolox_l.onnx");

    @Test
    void djlEngineAndPlainOrtShareOneEnvironment() {
        OrtEnvironment env = OnnxEnvironment.get();
        assertThat(ai.djl.engine.Engine.getEngine("OnnxRuntime").getEngineName()).isEqualTo("OnnxRuntime");
        assertThat(OrtEnvironment.getEnvironment()).isSameAs(env);
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    }

    @Test
    void opensOnCpuWithConfiguredThreadsAndRunsTheGraph() throws Exception {
        SessionSettings settings = SessionSettings.defaults().withIntraOpThreads(1).withInterOpThreads(1);
        try (ModelSession session = ModelSessions.open(DETECTOR, settings)) {
            assertThat(session.device()).isEqualTo(ExecutionDevice.CPU);
            assertThat(session.deviceNote()).isEqualTo("CPU requested");
            FloatBuffer input = FloatBuffer.allocate(3 * 640 * 640);
            try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), input, new long[] {1, 3, 640, 640});
                 OrtSession.Result result = session.run(Map.of("images", tensor))) {
                float[][][] out = (float[][][]) result.get(0).getValue();
                assertThat(out[0]).hasNumberOfRows(8400);
                // Row 8000 + 10 * 20 + 5 is the stride-32 person box of the test model: objectness 0.95.
                assertThat(out[0][8205][4]).isEqualTo(0.95f);
            }
        }
    }

    @Test
    void cudaRequestFallsBackToCpuAndSaysWhy() throws Exception {
        SessionSettings settings = SessionSettings.defaults().withDevice(DevicePreference.CUDA);
        try (ModelSession session = ModelSessions.open(DETECTOR, settings)) {
            if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA) && session.device() == ExecutionDevice.CUDA) {
                assertThat(session.deviceNote()).startsWith("CUDA device 0");
            } else {
                assertThat(session.device()).isEqualTo(ExecutionDevice.CPU);
                assertThat(session.deviceNote()).startsWith("CUDA requested but unavailable").endsWith("running on CPU");
            }
        }
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.onnx");
        assertThatThrownBy(() -> ModelSessions.open(missing, SessionSettings.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(missing + ": model file not found")
                .satisfies(e -> assertThat(((ModelLoadException) e).file()).isEqualTo(missing));
    }

    @Test
    void corruptFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("broken.onnx");
        Files.writeString(corrupt, "this is not a protobuf");
        assertThatThrownBy(() -> ModelSessions.open(corrupt, SessionSettings.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(corrupt + ": not a usable ONNX model");
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> SessionSettings.defaults().withIntraOpThreads(-1)).hasMessageContaining("thread");
        assertThat(DevicePreference.parse(" Cuda ")).isEqualTo(DevicePreference.CUDA);
        assertThatThrownBy(() -> DevicePreference.parse("tpu")).hasMessageContaining("auto, cpu or cuda");
    }
}
