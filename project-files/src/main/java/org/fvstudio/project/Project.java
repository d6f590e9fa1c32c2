package org.fvstudio.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.PoseTrack;

/**
 * A whole FV Studio project as an immutable value: edits produce new projects, which keeps undo
 * simple and lets background jobs work on a consistent snapshot.
 */
public record Project(String name, double fps, int frameCount, int canvasWidth, int canvasHeight,
                      List<ReferenceShot> references, PoseTrack target, CameraTrack camera,
                      GenerationSettings generation) {

    public static final double DEFAULT_FPS = 24;
    public static final int DEFAULT_FRAME_COUNT = 48;
    public static final int DEFAULT_CANVAS = 512;

    public Project {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("project name must not be blank");
        }
        if (!(fps > 0) || fps > 240) {
            throw new IllegalArgumentException("fps must lie in (0, 240], got " + fps);
        }
        if (frameCount < 1) {
            throw new IllegalArgumentException("frame count must be >= 1, got " + frameCount);
        }
        if (canvasWidth < 16 || canvasHeight < 16 || canvasWidth > 8192 || canvasHeight > 8192) {
            throw new IllegalArgumentException("canvas must lie in 16..8192 pixels, got " + canvasWidth + "x" + canvasHeight);
        }
        references = List.copyOf(references);
        long distinctIds = references.stream().map(ReferenceShot::id).distinct().count();
        if (distinctIds != references.size()) {
            throw new IllegalArgumentException("reference ids must be unique");
        }
    }

    public static Project createNew(String name) {
        return new Project(name, DEFAULT_FPS, DEFAULT_FRAME_COUNT, DEFAULT_CANVAS, DEFAULT_CANVAS,
                List.of(), PoseTrack.empty(), CameraTrack.empty(), GenerationSettings.DEFAULTS);
    }

    /** The target pose the model sees at {@code frame}: the track's pose through the camera. */
    public Pose targetPoseAt(int frame) {
        return camera.at(frame).apply(rawTargetPoseAt(frame));
    }

    /** The track's pose at {@code frame} before the camera is applied. */
    public Pose rawTargetPoseAt(int frame) {
        return target.sample(frame, canvasWidth, canvasHeight);
    }

    public Optional<ReferenceShot> reference(String id) {
        return references.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<ReferenceShot> enabledReferences() {
        return references.stream().filter(ReferenceShot::enabled).toList();
    }

    public Project withName(String newName) {
        return new Project(newName, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation);
    }

    public Project withTiming(double newFps, int newFrameCount) {
        return new Project(name, newFps, newFrameCount, canvasWidth, canvasHeight, references, target, camera, generation);
    }

    public Project withCanvas(int width, int height) {
        return new Project(name, fps, frameCount, width, height, references, target, camera, generation);
    }

    public Project withReferences(List<ReferenceShot> newReferences) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, newReferences, target, camera, generation);
    }

    public Project withReference(ReferenceShot updated) {
        List<ReferenceShot> copy = new ArrayList<>(references);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(updated.id())) {
                copy.set(i, updated);
                return withReferences(copy);
            }
        }
        throw new IllegalArgumentException("no reference with id " + updated.id());
    }

    public Project withTarget(PoseTrack newTarget) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, newTarget, camera, generation);
    }

    public Project withCamera(CameraTrack newCamera) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, newCamera, generation);
    }

    public Project withGeneration(GenerationSettings newGeneration) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, newGeneration);
    }
}
