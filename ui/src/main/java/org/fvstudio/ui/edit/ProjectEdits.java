package org.fvstudio.ui.edit;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.PoseTrack;

/** The catalogue of edits the studio makes to a project; every change goes through one of these. */
public final class ProjectEdits {

    private ProjectEdits() {
    }

    public static Edit renameProject(Project project, String name) {
        return new PropertyEdit<>("Rename project", "project.name", Project::withName, project.name(), name.strip());
    }

    public static Edit setFps(Project project, double fps) {
        return new PropertyEdit<>("Change frame rate", "project.fps",
                (p, v) -> p.withTiming(v, p.frameCount()), project.fps(), fps);
    }

    public static Edit setFrameCount(Project project, int frameCount) {
        return new PropertyEdit<>("Change frame count", "project.frameCount",
                (p, v) -> p.withTiming(p.fps(), v), project.frameCount(), frameCount);
    }

    public static Edit setCanvasWidth(Project project, int width) {
        return new PropertyEdit<>("Change canvas width", "project.canvasWidth",
                (p, v) -> p.withCanvas(v, p.canvasHeight()), project.canvasWidth(), width);
    }

    public static Edit setCanvasHeight(Project project, int height) {
        return new PropertyEdit<>("Change canvas height", "project.canvasHeight",
                (p, v) -> p.withCanvas(p.canvasWidth(), v), project.canvasHeight(), height);
    }

    public static Edit renameReference(Project project, String id, String name) {
        return referenceProperty(project, id, "Rename reference", "name", ReferenceShot::name,
                ReferenceShot::withName, name.strip());
    }

    public static Edit setReferenceEnabled(Project project, String id, boolean enabled) {
        return referenceProperty(project, id, enabled ? "Enable reference" : "Disable reference", "enabled",
                ReferenceShot::enabled, ReferenceShot::withEnabled, enabled);
    }

    public static Edit setReferenceScale(Project project, String id, ShotScale scale) {
        return referenceProperty(project, id, "Set shot scale to " + scale.label(), "scale",
                ReferenceShot::scale, ReferenceShot::withScale, scale);
    }

    public static Edit setReferenceNote(Project project, String id, String note) {
        return referenceProperty(project, id, "Edit reference note", "note", ReferenceShot::note,
                ReferenceShot::withNote, note);
    }

    /**
     * Replaces the target pose track; the frame count grows to hold every frame of it. The new track
     * comes from neither the driving video nor the BVH motion of the old one, so both are dropped, and it is not
     * retargeted, so the original motion of a retarget goes too.
     */
    public static Edit replaceTarget(Project project, PoseTrack target, int framesNeeded, String description) {
        return new SnapshotEdit(description, project,
                withTarget(project, target, framesNeeded).withDrivingVideo(null).withMotion(null).withRetarget(null));
    }

    /** {@code project} with {@code target}, its frame count grown to {@code framesNeeded} if shorter. */
    public static Project withTarget(Project project, PoseTrack target, int framesNeeded) {
        Project after = project.withTarget(target);
        return framesNeeded > after.frameCount() ? after.withTiming(after.fps(), framesNeeded) : after;
    }

    /** Replaces the target pose track with one extracted from {@code drivingVideo}, which the project then keeps. */
    public static Edit replaceTarget(Project project, PoseTrack target, int framesNeeded, String description,
                                     DrivingVideo drivingVideo) {
        SnapshotEdit edit = (SnapshotEdit) replaceTarget(project, target, framesNeeded, description);
        return new SnapshotEdit(description, project, edit.after().withDrivingVideo(drivingVideo));
    }

    private static <T> Edit referenceProperty(Project project, String id, String description, String property,
                                              Function<ReferenceShot, T> getter,
                                              BiFunction<ReferenceShot, T, ReferenceShot> wither, T value) {
        ReferenceShot reference = project.reference(id)
                .orElseThrow(() -> new IllegalArgumentException("no reference with id " + id));
        BiFunction<Project, T, Project> setter = (p, v) -> {
            ReferenceShot current = p.reference(id)
                    .orElseThrow(() -> new IllegalStateException("reference " + id + " is gone"));
            return p.withReference(wither.apply(current, v));
        };
        return new PropertyEdit<>(description, "reference." + property + ":" + id, setter, getter.apply(reference), value);
    }
}
