package org.fvstudio.inference.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fvstudio.inference.pipeline.TestProjects;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.SessionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The float16 variant of a graph is used only when the session really runs on CUDA. */
class GraphPrecisionTest {

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private static final GraphDecl WITH_FP16 = new GraphDecl("denoiser", "denoiser.onnx", Optional.of("denoiser_fp16.onnx"),
            List.of(), List.of());
    private static final GraphDecl FP32_ONLY = new GraphDecl("denoiser", "denoiser.onnx", List.of(), List.of());

    @Test
    void fp16OnlyWhereCudaActuallyRuns() {
        SessionSettings auto = SessionSettings.defaults().withDevice(DevicePreference.AUTO);
        assertThat(GraphPrecision.fileFor(WITH_FP16, auto, ExecutionDevice.CUDA)).isEqualTo("denoiser_fp16.onnx");
        assertThat(GraphPrecision.fileFor(WITH_FP16, auto, ExecutionDevice.CPU)).isEqualTo("denoiser.onnx");
        assertThat(GraphPrecision.fileFor(WITH_FP16, auto.withFp16(false), ExecutionDevice.CUDA)).isEqualTo("denoiser.onnx");
        assertThat(GraphPrecision.fileFor(FP32_ONLY, auto, ExecutionDevice.CUDA)).isEqualTo("denoiser.onnx");
    }

    @Test
    void fp16IsNotEvenTriedWhenCpuIsRequested() {
        SessionSettings s = SessionSettings.defaults();
        assertThat(GraphPrecision.worthTryingFp16(WITH_FP16, s.withDevice(DevicePreference.CPU))).isFalse();
        assertThat(GraphPrecision.worthTryingFp16(WITH_FP16, s.withDevice(DevicePreference.CUDA))).isTrue();
        assertThat(GraphPrecision.worthTryingFp16(WITH_FP16, s.withDevice(DevicePreference.AUTO).withFp16(false))).isFalse();
        assertThat(GraphPrecision.worthTryingFp16(FP32_ONLY, s.withDevice(DevicePreference.CUDA))).isFalse();
    }

    /** A pack listing an fp16 denoiser (same float32 I/O), opened with device auto on this CPU-only build. */
    private Path packWithFp16Denoiser() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        Files.copy(pack.resolve("denoiser.onnx"), pack.resolve("denoiser_fp16.onnx"));
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ((ObjectNode) root.at("/graphs/denoiser")).put("file_fp16", "denoiser_fp16.onnx");
        ((ObjectNode) root.get("files")).put("denoiser_fp16.onnx", Sha256.of(pack.resolve("denoiser_fp16.onnx")));
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        return pack;
    }

    @Test
    void aPackWithAnFp16VariantRunsItsFloat32GraphOnCpu() throws Exception {
        Path pack = packWithFp16Denoiser();
        assertThat(ModelPack.verify(pack).graph("denoiser").orElseThrow().fp16File()).contains("denoiser_fp16.onnx");
        try (ModelPack opened = ModelPack.open(pack, SessionSettings.defaults().withDevice(DevicePreference.AUTO))) {
            var denoiser = opened.session("denoiser").orElseThrow();
            assertThat(denoiser.device()).isEqualTo(ExecutionDevice.CPU);
            assertThat(denoiser.file().getFileName().toString()).isEqualTo("denoiser.onnx");
            assertThat(denoiser.deviceNote()).contains("running on CPU");
        }
    }

    @Test
    void anFp16VariantWithoutChecksumIsRefusedNamingIt() throws Exception {
        Path pack = packWithFp16Denoiser();
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ((ObjectNode) root.get("files")).remove("denoiser_fp16.onnx");
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessageContaining("graph 'denoiser' float16 file denoiser_fp16.onnx has no SHA-256 entry");
    }
}
