package org.fvstudio.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.timeline.CameraTransform;

/**
 * The cache key of a frame from a project snapshot: pack (id and content hash), generation settings, the
 * references used (id, image hash, pose, in project order), canvas, frame number, the target pose seen
 * through the camera at that frame, and the camera itself. The frame number is part of the key because the
 * pipeline may derive noise from it; a pipeline whose frames also depend on their neighbours (blended context
 * windows) must add those neighbours' poses through {@link CacheKeyBuilder} itself.
 */
public final class FrameKeys {

    private FrameKeys() {
    }

    /**
     * @param packHash         SHA-256 (or other content hash) of the model pack
     * @param imageHashByRefId content hash of each used reference's image file, by reference id
     *                         ({@link CacheKeyBuilder#sha256Hex(java.nio.file.Path)})
     */
    public static CacheKey frameKey(Project project, String packHash, Map<String, String> imageHashByRefId, int frame) {
        GenerationSettings settings = project.generation();
        CacheKeyBuilder key = new CacheKeyBuilder()
                .section("pack")
                .text("pack.id", settings.packId())
                .text("pack.hash", packHash)
                .section("settings")
                .text("device", settings.device())
                .integer("steps", settings.steps())
                .number("guidance", settings.guidance())
                .integer("seed", settings.seed())
                .integer("token_budget", settings.tokenBudget())
                .integer("canvas.width", project.canvasWidth())
                .integer("canvas.height", project.canvasHeight());
        List<ReferenceShot> used = usedReferences(project);
        key.integer("references", used.size());
        for (ReferenceShot reference : used) {
            String imageHash = imageHashByRefId.get(reference.id());
            if (imageHash == null) {
                throw new IllegalArgumentException("no image hash given for reference '" + reference.id() + "'");
            }
            key.section("reference")
                    .text("id", reference.id())
                    .text("image", imageHash)
                    .pose("pose", reference.pose());
        }
        CameraTransform camera = project.camera().at(frame);
        return key.section("frame")
                .integer("frame", frame)
                .pose("target", project.targetPoseAt(frame))
                .numbers("camera", camera.zoom(), camera.pivotX(), camera.pivotY(), camera.panX(), camera.panY(),
                        camera.rollDegrees())
                .build();
    }

    /** The settings' references-used list when it names any, else every enabled reference; project order. */
    public static List<ReferenceShot> usedReferences(Project project) {
        List<String> chosen = project.generation().referencesUsed();
        List<ReferenceShot> used = new ArrayList<>();
        for (ReferenceShot reference : project.references()) {
            if (reference.enabled() && (chosen.isEmpty() || chosen.contains(reference.id()))) {
                used.add(reference);
            }
        }
        return used;
    }
}
