package org.fvstudio.app.farm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.CacheKeyBuilder;
import org.fvstudio.cache.FrameKeys;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.ProjectBundle;

/**
 * The render-cache key of each frame a render writes to {@code --out}: {@link FrameKeys} over the project with
 * the command line's settings applied (pack id, device, steps, seed) and the pack's manifest hash (the manifest
 * lists every file's SHA-256). For a temporal pack a frame depends on its whole segment
 * ({@link ContextSegments}), so its key also covers the keys of every frame of that segment.
 */
public final class RenderKeys {

    private final Project project;
    private final String packHash;
    private final Map<String, String> imageHashes;
    private final int segmentLength;

    private RenderKeys(Project project, String packHash, Map<String, String> imageHashes, int segmentLength) {
        this.project = project;
        this.packHash = packHash;
        this.imageHashes = imageHashes;
        this.segmentLength = segmentLength;
    }

    /** @param project the project as rendered: its generation settings are those of this run */
    public static RenderKeys of(Project project, ProjectBundle bundle, Path packFolder, int segmentLength) throws IOException {
        Map<String, String> images = new HashMap<>();
        for (ReferenceShot reference : FrameKeys.usedReferences(project)) {
            Path file = bundle.referenceImage(reference.imageFile());
            if (!Files.isRegularFile(file)) {
                throw new IOException("reference '" + reference.name() + "': image " + file + " is missing");
            }
            images.put(reference.id(), CacheKeyBuilder.sha256Hex(file));
        }
        return new RenderKeys(project, CacheKeyBuilder.sha256Hex(packFolder.resolve("pack.json")), Map.copyOf(images),
                Math.max(1, segmentLength));
    }

    public CacheKey key(int frame) {
        if (segmentLength == 1) {
            return FrameKeys.frameKey(project, packHash, imageHashes, frame);
        }
        int start = frame / segmentLength * segmentLength;
        int end = Math.min(project.frameCount(), start + segmentLength);
        CacheKeyBuilder key = new CacheKeyBuilder().section("temporal segment").integer("segment.length", segmentLength);
        for (int f = start; f < end; f++) {
            key.text("segment.frame", FrameKeys.frameKey(project, packHash, imageHashes, f).hex());
        }
        return key.integer("frame", frame).build();
    }
}
