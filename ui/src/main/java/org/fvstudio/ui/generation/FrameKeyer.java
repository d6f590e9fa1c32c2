package org.fvstudio.ui.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.CacheKeyBuilder;
import org.fvstudio.cache.FrameKeys;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * The render-cache key of every frame of a project snapshot. File hashes (pack manifest, reference images)
 * are remembered by path, size and modification time, so a key refresh after an edit hashes only poses.
 * Thread-safe; runs on background threads.
 */
public final class FrameKeyer {

    private record Stamp(long size, long modified, String hash) {
    }

    private final Map<Path, Stamp> hashes = new ConcurrentHashMap<>();

    /** Keys of frames 0..frameCount-1. */
    public Map<Integer, CacheKey> keys(Project project, Path bundle) throws IOException, PackException {
        String packHash = packHash(project.generation().packId(), bundle);
        Map<String, String> images = imageHashes(project, bundle);
        Map<Integer, CacheKey> keys = new TreeMap<>();
        for (int frame = 0; frame < project.frameCount(); frame++) {
            keys.put(frame, FrameKeys.frameKey(project, packHash, images, frame));
        }
        return keys;
    }

    public CacheKey key(Project project, Path bundle, int frame) throws IOException, PackException {
        return FrameKeys.frameKey(project, packHash(project.generation().packId(), bundle), imageHashes(project, bundle), frame);
    }

    /** The manifest lists every file's SHA-256, so its own hash identifies the whole pack. */
    private String packHash(String packId, Path bundle) throws IOException, PackException {
        return hash(PackResolver.resolve(packId, bundle).resolve("pack.json"));
    }

    private Map<String, String> imageHashes(Project project, Path bundle) throws IOException {
        Map<String, String> images = new HashMap<>();
        for (ReferenceShot reference : FrameKeys.usedReferences(project)) {
            Path file = bundle.resolve("references").resolve(reference.imageFile());
            if (!Files.isRegularFile(file)) {
                throw new IOException("reference '" + reference.name() + "': image " + file + " is missing");
            }
            images.put(reference.id(), hash(file));
        }
        return images;
    }

    private String hash(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        long size = Files.size(absolute);
        long modified = Files.getLastModifiedTime(absolute).toMillis();
        Stamp known = hashes.get(absolute);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known.hash();
        }
        String hash = CacheKeyBuilder.sha256Hex(absolute);
        hashes.put(absolute, new Stamp(size, modified, hash));
        return hash;
    }
}
