package org.fvstudio.inference.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fvstudio.inference.pipeline.TestProjects;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.GraphSignatureException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.scheduler.PredictionType;
import org.fvstudio.inference.scheduler.TimestepSpacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackTest {

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void opensTheContractPackWithEveryGraphOnCpu() throws Exception {
        try (ModelPack pack = ModelPack.open(TestProjects.resource("packs/contract-mini"), SessionSettings.defaults())) {
            PackManifest m = pack.manifest();
            assertThat(m.id()).isEqualTo("contract-mini");
            assertThat(m.banks()).extracting(b -> b.name() + ":" + b.gridH() + "x" + b.gridW() + "x" + b.channels() + "/" + b.topK())
                    .containsExactly("g16:16x16x24/64", "g8:8x8x32/16");
            assertThat(m.scheduler().config().predictionType()).isEqualTo(PredictionType.SAMPLE);
            assertThat(m.scheduler().config().spacing()).isEqualTo(TimestepSpacing.TRAILING);
            assertThat(pack.sessions().keySet()).containsExactlyInAnyOrder("pcm", "reference_net", "pose_guider", "denoiser");
            assertThat(pack.session("denoiser").orElseThrow().device()).isEqualTo(ExecutionDevice.CPU);
            // 24*6 + 32*6 conv weights in reference_net
            assertThat(OnnxParameterCount.of(pack.folder().resolve("reference_net.onnx"))).isEqualTo(24 * 6 + 32 * 6);
        }
    }

    @Test
    void refusesACorruptedGraphFileNamingItAndBothHashes() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        byte[] bytes = Files.readAllBytes(pack.resolve("pcm.onnx"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(pack.resolve("pcm.onnx"), bytes);
        assertThatThrownBy(() -> ModelPack.open(pack, SessionSettings.defaults()))
                .isInstanceOf(PackException.class)
                .hasMessageContaining("pcm.onnx: SHA-256 mismatch")
                .hasMessageContaining("expected " + json.readTree(pack.resolve("pack.json").toFile()).get("files").get("pcm.onnx").asText())
                .hasMessageContaining("found " + Sha256.of(pack.resolve("pcm.onnx")));
    }

    @Test
    void refusesAGraphWhoseShapeDiffersFromTheManifestNamingFileTensorExpectedAndFound() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        // the manifest (and its bank) claim 48 channels; the graph makes 24
        ((ArrayNode) root.at("/graphs/reference_net/outputs/bank_g16/shape")).set(1, 48);
        ((ObjectNode) root.withArray("banks").get(0)).put("channels", 48);
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        assertThatThrownBy(() -> ModelPack.open(pack, SessionSettings.defaults()))
                .isInstanceOf(GraphSignatureException.class)
                .hasMessageContaining("reference_net.onnx")
                .hasMessageContaining("output 'bank_g16': expected float32 [?, 48, 16, 16], found float32 [?, 24, 16, 16]");
    }

    @Test
    void refusesAZeroDimensionWithItsPlaceInsteadOfFailingInsideTheSignature() throws Exception {
        // found by PackManifestFuzzTest (finding-zero-dimension.json): IllegalArgumentException from TensorSpec
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ((ArrayNode) root.at("/graphs/reference_net/outputs/bank_g16/shape")).set(1, 0);
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessageContaining("pack.json at graphs.reference_net.outputs.bank_g16.shape: a dimension must be a "
                        + "positive size, -1 or an axis name, found 0");
    }

    @Test
    void refusesAManifestThePipelineCannotDrive() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ((ObjectNode) root.withArray("banks").get(1)).put("name", "g4");
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        assertThatThrownBy(() -> ModelPack.open(pack, SessionSettings.defaults()))
                .isInstanceOf(PackException.class)
                .hasMessageContaining("reference_net output 'bank_g4': expected rank 4, found no such output");
    }

    @Test
    void aMissingOptionalGraphSwitchesItsStageOff() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ((ObjectNode) root.get("graphs")).remove("pcm");
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        Files.delete(pack.resolve("pcm.onnx"));
        ((ObjectNode) root.get("files")).remove("pcm.onnx");
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        try (ModelPack opened = ModelPack.open(pack, SessionSettings.defaults())) {
            assertThat(opened.session("pcm")).isEmpty();
            assertThat(opened.session("denoiser")).isPresent();
        }
    }

    @Test
    void refusesBrokenManifestsWithTheJsonPath() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ((ObjectNode) root.get("scheduler")).put("prediction_type", "epsilon");
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessageContaining("pack.json at scheduler.prediction_type: epsilon prediction cannot be used with rescale_zero_snr");
        Files.writeString(pack.resolve("pack.json"), "{\"format\": \"fvstudio-pack\", \"version\": 1, ");
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ModelPack.verify(tmp.resolve("nowhere"))).hasMessageContaining("model pack folder not found");
    }

    @Test
    void aBrokenOrHugeManifestIsRefusedInOurWords() throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        Path manifest = pack.resolve("pack.json");
        Files.writeString(manifest, "{\"format\": \"fvstudio-pack\",\n \"version\": 1, ");
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessage(manifest + ": not valid JSON at line 2, column 16: the file ends inside an object");
        Files.writeString(manifest, "{\"format\": \"fvstudio-pack\", \"notes\": \"" + "x".repeat(2 << 20) + "\"}");
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessage(manifest + ": weighs 2.0 MB, more than the 1 MB FV Studio reads for a pack.json");
    }

    @Test
    void filesOutsideThePackAreNeitherHashedNorRead() throws Exception {
        // issue 20 item 11: these keys were hashed and their SHA-256 printed
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        Path manifest = pack.resolve("pack.json");
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        for (String outside : new String[] {"../../../../etc/passwd", "/etc/passwd", "graphs/../../x.onnx", "./pcm.onnx"}) {
            ObjectNode changed = root.deepCopy();
            ((ObjectNode) changed.get("files")).put(outside, "0".repeat(64));
            json.writeValue(manifest.toFile(), changed);
            assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                    .hasMessage(manifest + " at files: '" + outside + "' is not a file inside the pack folder (no '..',"
                            + " no absolute path); a pack lists only its own files");
        }

        json.writeValue(manifest.toFile(), root);
        Path graph = pack.resolve("pcm.onnx");
        Path elsewhere = Files.move(graph, tmp.resolve("pcm-elsewhere.onnx"));
        Files.createSymbolicLink(graph, elsewhere);
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessage(graph + ": is a link to " + elsewhere.toRealPath()
                        + ", outside the pack folder; a pack holds its own files");
    }

    @Test
    void aTopKBeyondWhatFvStudioKeepsIsRefusedBeforeAnythingIsAllocated() throws Exception {
        // issue 20 item 9: a top_k of 2e9 ended in "Requested array size exceeds VM limit"
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        Path manifest = pack.resolve("pack.json");
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) root.get("banks").get(0)).put("top_k", 2_000_000_000);
        json.writeValue(manifest.toFile(), root);
        assertThatThrownBy(() -> ModelPack.verify(pack)).isInstanceOf(PackException.class)
                .hasMessage(manifest + " at banks[0].top_k: 2000000000 is more than the 65536 tokens FV Studio keeps per bank");
    }
}
