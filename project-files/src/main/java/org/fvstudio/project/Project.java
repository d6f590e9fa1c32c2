package org.fvstudio.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.timeline.TimelineMarks;

/**
 * A whole FV Studio project as an immutable value: edits produce new projects, which keeps undo
 * simple and lets background jobs work on a consistent snapshot.
 *
 * @param timeline     in/out range and markers (never null; {@link TimelineMarks#NONE} when unset)
 * @param drivingVideo the video the target was extracted from, or null
 * @param motion       the BVH file and orbit camera the target was built from, or null
 * @param retarget     the motion before it was retargeted to the character, or null when it was not
 */
public record Project(String name, double fps, int frameCount, int canvasWidth, int canvasHeight,
                      List<ReferenceShot> references, PoseTrack target, CameraTrack camera,
                      GenerationSettings generation, TimelineMarks timeline, DrivingVideo drivingVideo,
                      MotionSource motion, RetargetedMotion retarget) {

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
        timeline = timeline == null ? TimelineMarks.NONE : timeline;
        if (timeline.lastFrameUsed() >= frameCount) {
            throw new IllegalArgumentException("timeline marks reach frame " + timeline.lastFrameUsed()
                    + ", past the last frame " + (frameCount - 1));
        }
        long distinctIds = references.stream().map(ReferenceShot::id).distinct().count();
        if (distinctIds != references.size()) {
            throw new IllegalArgumentException("reference ids must be unique");
        }
    }

    /** A project whose target is not retargeted. */
    public Project(String name, double fps, int frameCount, int canvasWidth, int canvasHeight,
                   List<ReferenceShot> references, PoseTrack target, CameraTrack camera, GenerationSettings generation,
                   TimelineMarks timeline, DrivingVideo drivingVideo, MotionSource motion) {
        this(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation, timeline,
                drivingVideo, motion, null);
    }

    /** A project without timeline marks or driving video. */
    public Project(String name, double fps, int frameCount, int canvasWidth, int canvasHeight,
                   List<ReferenceShot> references, PoseTrack target, CameraTrack camera, GenerationSettings generation) {
        this(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                TimelineMarks.NONE, null, null, null);
    }

    public Optional<DrivingVideo> drivingVideoIfAny() {
        return Optional.ofNullable(drivingVideo);
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

    /**
     * The references a generation reads: the enabled ones, narrowed to {@code referencesUsed} unless that is
     * empty. The pipeline and the studio's checks both ask here, so they can never disagree.
     */
    public List<ReferenceShot> generationReferences(List<String> referencesUsed) {
        return enabledReferences().stream().filter(r -> referencesUsed.isEmpty() || referencesUsed.contains(r.id()))
                .toList();
    }

    public Project withName(String newName) {
        return new Project(newName, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                timeline, drivingVideo, motion, retarget);
    }

    public Project withTiming(double newFps, int newFrameCount) {
        return new Project(name, newFps, newFrameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                timeline.clampedTo(newFrameCount), drivingVideo, motion, retarget);
    }

    public Project withCanvas(int width, int height) {
        return new Project(name, fps, frameCount, width, height, references, target, camera, generation,
                timeline, drivingVideo, motion, retarget);
    }

    public Project withReferences(List<ReferenceShot> newReferences) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, newReferences, target, camera, generation,
                timeline, drivingVideo, motion, retarget);
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
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, newTarget, camera, generation,
                timeline, drivingVideo, motion, retarget);
    }

    public Project withCamera(CameraTrack newCamera) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, newCamera, generation,
                timeline, drivingVideo, motion, retarget);
    }

    public Project withGeneration(GenerationSettings newGeneration) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, newGeneration,
                timeline, drivingVideo, motion, retarget);
    }

    public Project withTimeline(TimelineMarks newTimeline) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                newTimeline, drivingVideo, motion, retarget);
    }

    /** @param newDrivingVideo the video, or null for none */
    public Project withDrivingVideo(DrivingVideo newDrivingVideo) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                timeline, newDrivingVideo, motion, retarget);
    }

    /** @param newMotion the motion-capture source of the target, or null for none */
    public Project withMotion(MotionSource newMotion) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                timeline, drivingVideo, newMotion, retarget);
    }

    /** @param newRetarget the motion before the retarget that made the current target, or null for none */
    public Project withRetarget(RetargetedMotion newRetarget) {
        return new Project(name, fps, frameCount, canvasWidth, canvasHeight, references, target, camera, generation,
                timeline, drivingVideo, motion, newRetarget);
    }
}
