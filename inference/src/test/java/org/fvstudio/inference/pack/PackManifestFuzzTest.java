package org.fvstudio.inference.pack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fvstudio.inference.runtime.GraphSignature;
import org.fvstudio.inference.runtime.GraphSignatureException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.ModelSessions;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.input.FuzzFolders;
import org.fvstudio.input.LoaderContract;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * pack.json of a folder holding the contract-mini pack's real graphs, through what opening a pack does before
 * inference: the manifest and the files' SHA-256 ({@link ModelPack#verify}), then for each declared graph the
 * signature check against what the graph really declares and the pipeline contract. The graphs' signatures are
 * read once (ONNX Runtime is not what is fuzzed). Seeds: the bundled fvs-tiny and the contract-mini pack.json
 * (PackManifestFuzzTestInputs/).
 */
class PackManifestFuzzTest {

    private static final Path PACK = copyOfContractMini();
    private static final Map<String, GraphSignature> FOUND = signatures(PACK);

    @FuzzTest
    @Timeout(10)
    void packJson(byte[] json) throws Exception {
        Files.write(PACK.resolve(ManifestReader.FILE_NAME), json);
        LoaderContract.holds(PACK, json, PackManifestFuzzTest::openWithoutInference, PackException.class,
                GraphSignatureException.class);
    }

    private static void openWithoutInference() throws ModelLoadException {
        PackManifest manifest = ModelPack.verify(PACK);
        for (GraphDecl g : manifest.graphs().values()) {
            Path file = PACK.resolve(g.file());
            GraphSignature found = FOUND.get(file.getFileName().toString());
            if (found != null) {
                found.requireMatches(file, g.signature());
                PipelineContract.check(manifest, g, file);
            }
        }
    }

    private static Path copyOfContractMini() {
        Path pack = FuzzFolders.create("fuzz-pack").resolve("contract-mini");
        try {
            Files.createDirectories(pack);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/test/resources/packs/contract-mini"))) {
                for (Path f : files) {
                    Files.copy(f, pack.resolve(f.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pack;
    }

    private static Map<String, GraphSignature> signatures(Path pack) {
        Map<String, GraphSignature> found = new HashMap<>();
        try (DirectoryStream<Path> graphs = Files.newDirectoryStream(pack, "*.onnx")) {
            for (Path graph : graphs) {
                try (ModelSession session = ModelSessions.open(graph, SessionSettings.defaults())) {
                    found.put(graph.getFileName().toString(), session.signature());
                }
            }
        } catch (IOException | ModelLoadException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
