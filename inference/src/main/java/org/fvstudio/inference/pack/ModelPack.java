package org.fvstudio.inference.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.ModelSessions;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.selection.BankSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened model pack: its manifest, verified files and one ONNX session per graph it provides.
 * Opening verifies every SHA-256 before any graph is parsed, then checks each graph against its manifest
 * entry and against what the pipeline feeds it. Close it to release the native sessions.
 */
public final class ModelPack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelPack.class);

    private final Path folder;
    private final PackManifest manifest;
    private final Map<String, ModelSession> sessions;
    private final String contentHash;

    private ModelPack(Path folder, PackManifest manifest, Map<String, ModelSession> sessions, String contentHash) {
        this.folder = folder;
        this.manifest = manifest;
        this.sessions = sessions;
        this.contentHash = contentHash;
    }

    /** Reads and verifies a pack folder without opening graphs. */
    public static PackManifest verify(Path folder) throws PackException {
        Path json = folder.resolve(ManifestReader.FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw new PackException(folder, folder + ": model pack folder not found");
        }
        if (!Files.isRegularFile(json)) {
            throw new PackException(json, json + ": missing (a model pack folder holds pack.json and its graphs)");
        }
        PackManifest manifest = ManifestReader.read(json);
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            Path f = folder.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new PackException(f, f + ": listed in pack.json but missing");
            }
            requireInside(folder, f);
            String found;
            try {
                found = Sha256.of(f);
            } catch (IOException ex) {
                throw new PackException(f, f + ": cannot be read (" + ex.getMessage() + ")", ex);
            }
            if (!found.equals(e.getValue())) {
                throw new PackException(f, f + ": SHA-256 mismatch, the file is corrupted or was changed (expected "
                        + e.getValue() + ", found " + found + ")");
            }
        }
        return manifest;
    }

    /** A pack file that is a link must still lead to a file in the pack folder. */
    private static void requireInside(Path folder, Path file) throws PackException {
        try {
            if (!file.toRealPath().startsWith(folder.toRealPath())) {
                throw new PackException(file, file + ": is a link to " + file.toRealPath()
                        + ", outside the pack folder; a pack holds its own files");
            }
        } catch (IOException e) {
            throw new PackException(file, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static ModelPack open(Path folder, SessionSettings settings) throws ModelLoadException {
        PackManifest manifest = verify(folder);
        Map<String, ModelSession> sessions = new LinkedHashMap<>();
        try {
            // a fixed order (cheap checks first, denoiser last) so that the first problem reported is stable
            for (String role : PackManifest.KNOWN_GRAPHS) {
                GraphDecl g = manifest.graphs().get(role);
                if (g == null) {
                    continue;
                }
                ModelSession session = openGraph(folder, g, settings);
                Path file = session.file();
                sessions.put(g.role(), session);
                session.requireSignature(g.signature());
                PipelineContract.check(manifest, g, file);
                LOG.info("pack {}: {} on {} ({})", manifest.id(), g.role(), session.device(), session.deviceNote());
            }
        } catch (ModelLoadException | RuntimeException e) {
            sessions.values().forEach(ModelSession::close);
            throw e;
        }
        StringBuilder hash = new StringBuilder(manifest.id());
        manifest.files().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> hash.append('|').append(e.getKey()).append('=').append(e.getValue()));
        return new ModelPack(folder, manifest, sessions, hash.toString());
    }

    /**
     * Opens the graph's float16 variant when it really lands on CUDA, otherwise the float32 file. The fp16 file is
     * tried first only when CUDA may answer; if that session ends up on CPU it is closed and the float32 file opened
     * on CPU directly (CUDA already said no, so it is not asked twice).
     */
    private static ModelSession openGraph(Path folder, GraphDecl g, SessionSettings settings) throws ModelLoadException {
        if (GraphPrecision.worthTryingFp16(g, settings)) {
            ModelSession fp16 = ModelSessions.open(folder.resolve(g.fp16File().orElseThrow()), settings);
            String chosen = GraphPrecision.fileFor(g, settings, fp16.device());
            if (chosen.equals(g.fp16File().get())) {
                return fp16;
            }
            fp16.close();
            return ModelSessions.openOnCpu(folder.resolve(chosen), settings, fp16.deviceNote());
        }
        return ModelSessions.open(folder.resolve(g.file()), settings);
    }

    public Path folder() {
        return folder;
    }

    public PackManifest manifest() {
        return manifest;
    }

    public Optional<ModelSession> session(String role) {
        return Optional.ofNullable(sessions.get(role));
    }

    public Map<String, ModelSession> sessions() {
        return Map.copyOf(sessions);
    }

    /** Identifies the exact pack content (id and every file's SHA-256), for cache keys. */
    public String contentKey() {
        return contentHash;
    }

    public BankSpec bank(String name) {
        return manifest.banks().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bank " + name));
    }

    @Override
    public void close() {
        sessions.values().forEach(ModelSession::close);
    }
}
