package org.fvstudio.ui.studio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.motion.bvh.BvhFormatException;
import org.fvstudio.motion.bvh.BvhMappingException;
import org.fvstudio.motion.bvh.BvhMotion;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.motion.bvh.InitialFacing;
import org.fvstudio.project.MotionSource;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.ui.edit.ProjectEdits;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.task.Outcome;

/**
 * File ▸ Import motion (BVH): parses the file and projects it through an orbiting pinhole camera
 * into the target pose track (a key on every project frame), in the background; the result
 * replaces the target in one undoable edit, the frame count becomes the clip's length and, when asked,
 * the project's 2D camera is reset so the motion is framed as the orbit camera frames it. The BVH path
 * and the orbit keys are kept in the project, so Re-orbit… can rebuild the track through other keys.
 * A skeleton whose joints cannot be mapped to a whole body is refused, naming the points.
 */
public final class MotionImport {

    /**
     * The orbit camera of an import: yaw at the first frame and yaw travelled by the last frame
     * (degrees; 0 faces the performer's front as {@link BvhPoseTrackBuilder#initialFacing()} estimates it), elevation (degrees), distance as a multiple of the
     * distance that frames the whole clip, and the focal length in pixels (0: a 40° vertical view).
     */
    public record Orbit(double startYaw, double orbitDegrees, double elevation, double distanceScale, double focalLength) {

        public static final Orbit FRONT = new Orbit(0, 0, 0, 1, 0);

        public Orbit {
            if (!(distanceScale > 0)) {
                throw new IllegalArgumentException("the distance factor must be positive, got " + distanceScale);
            }
            if (!(Math.abs(elevation) < 90)) {
                throw new IllegalArgumentException("elevation must lie strictly between -90 and 90 degrees, got " + elevation);
            }
            if (focalLength < 0) {
                throw new IllegalArgumentException("focal length must be positive (or 0 for the default), got " + focalLength);
            }
        }
    }

    private final StudioViewModel studio;

    public MotionImport(StudioViewModel studio) {
        this.studio = studio;
    }

    /**
     * Imports {@code file}; a bad file is reported with its name and the problem, the project unchanged.
     *
     * @param resetCamera whether the project's 2D camera (zoom, pan, roll) is cleared, so the motion shows
     *                    as the orbit camera frames it; otherwise it is kept, cut to the clip's length
     */
    public void importBvh(Path file, Orbit orbit, boolean resetCamera) {
        Project snapshot = studio.project();
        String name = file.getFileName().toString();
        studio.tasks().submit("Importing motion from " + name, ctx -> build(file, orbit, snapshot), outcome -> {
            if (outcome instanceof Outcome.Success<Imported> success) {
                Imported imported = success.value();
                Project before = studio.project();
                Project after = imported(before, imported, file, resetCamera);
                if (studio.edit(new SnapshotEdit("Import motion " + name + " (" + imported.frames() + " frames)",
                        before, after))) {
                    studio.statusProperty().set(importedStatus(name, imported, before, resetCamera));
                }
            } else if (outcome instanceof Outcome.Failure<Imported> failure) {
                studio.reportProblem("Cannot import motion " + name, failure.message());
            }
        });
    }

    /** Whether an import should offer to reset the camera: the project has a 2D camera that moves the view. */
    public static boolean offersCameraReset(Project project) {
        return project.camera().keyframes().stream().anyMatch(k -> !k.transform().isIdentity());
    }

    /** {@code before} with the imported motion as its target, its length the clip's, and the camera reset or cut. */
    public static Project imported(Project before, Imported imported, Path file, boolean resetCamera) {
        int last = imported.frames() - 1;
        CameraTrack camera = resetCamera ? CameraTrack.empty() : before.camera().endingAt(last);
        return before.withTarget(imported.track())
                .withTiming(before.fps(), imported.frames())
                .withCamera(camera)
                .withMotion(new MotionSource(file.toAbsolutePath().normalize(), imported.camera()))
                .withDrivingVideo(null)
                .withRetarget(null);
    }

    private static String importedStatus(String name, Imported imported, Project before, boolean resetCamera) {
        StringBuilder text = new StringBuilder("Imported ").append(name).append(": ").append(imported.frames())
                .append(" frames at ").append(before.fps()).append(" fps from ")
                .append(Math.round(imported.sourceFps())).append(" fps motion (").append(imported.naming()).append("); ")
                .append(imported.facing().describe()).append(", yaw 0 looks at their front");
        if (resetCamera && !before.camera().isEmpty()) {
            text.append("; camera reset to fit the motion");
        }
        if (!imported.warnings().isEmpty()) {
            text.append(" (").append(String.join("; ", imported.warnings())).append(")");
        }
        return text.toString();
    }

    /** How a rebuild finds its orbit keys, given the motion and the project's frame count for it. */
    @FunctionalInterface
    private interface OrbitKeys {
        OrbitCameraTrack of(BvhPoseTrackBuilder builder, int frames, Project project) throws IOException;
    }

    /**
     * Re-orbit…: rebuilds the target track from the project's saved BVH through the camera that
     * {@code orbit} describes, in the background, as one undoable edit. Without a saved motion, or when
     * the BVH file is gone, the problem is reported and the project is unchanged.
     */
    public void reorbit(Orbit orbit) {
        rebuild((builder, frames, project) -> camera(builder, orbit, frames, project));
    }

    /** Rebuilds the target track from the saved BVH through exactly these orbit keys (one undoable edit). */
    public void reorbit(OrbitCameraTrack keys) {
        rebuild((builder, frames, project) -> keys);
    }

    private void rebuild(OrbitKeys orbitKeys) {
        MotionSource source = studio.project().motion();
        if (source == null) {
            studio.reportProblem("Cannot re-orbit", "the target track was not imported from a BVH file");
            return;
        }
        Project snapshot = studio.project();
        String name = source.bvh().getFileName().toString();
        studio.tasks().submit("Re-orbiting " + name, ctx -> {
            BvhPoseTrackBuilder builder = builder(source.bvh());
            int frames = builder.trackFrameCountAt(snapshot.fps());
            OrbitCameraTrack keys = orbitKeys.of(builder, frames, snapshot);
            return imported(builder, frames, keys, snapshot);
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Imported> success) {
                Imported rebuilt = success.value();
                Project before = studio.project();
                Project after = ProjectEdits.withTarget(before, rebuilt.track(), rebuilt.frames())
                        .withMotion(source.withOrbit(rebuilt.camera()))
                        .withRetarget(null);
                int keyCount = rebuilt.camera().keyframes().size();
                if (studio.edit(new SnapshotEdit("Re-orbit motion " + name, before, after))) {
                    studio.statusProperty().set("Rebuilt " + rebuilt.frames() + " frames of " + name + " through "
                            + keyCount + " orbit key" + (keyCount == 1 ? "" : "s"));
                }
            } else if (outcome instanceof Outcome.Failure<Imported> failure) {
                studio.reportProblem("Cannot re-orbit " + name, failure.message());
            }
        });
    }

    /** The pose track of {@code file} seen through {@code orbit}, sized for {@code project}. */
    public static Imported build(Path file, Orbit orbit, Project project) throws IOException {
        BvhPoseTrackBuilder builder = builder(file);
        int frames = builder.trackFrameCountAt(project.fps());
        return imported(builder, frames, camera(builder, orbit, frames, project), project);
    }

    private static Imported imported(BvhPoseTrackBuilder builder, int frames, OrbitCameraTrack camera, Project project) {
        PoseTrack track = builder.build(project.fps(), frames, camera, project.canvasWidth(), project.canvasHeight());
        List<String> warnings = new ArrayList<>(builder.motion().warnings());
        builder.mapping().optionalPointsMissing().forEach(missing -> warnings.add("left out: " + missing));
        return new Imported(track, frames, builder.motion().framesPerSecond(), warnings, camera,
                builder.initialFacing(), builder.mapping().namingSummary());
    }

    /** Parses {@code file} and checks that its skeleton maps to a whole body. */
    private static BvhPoseTrackBuilder builder(Path file) throws IOException {
        BvhPoseTrackBuilder builder = new BvhPoseTrackBuilder(parse(file));
        try {
            builder.mapping().requireWholeBody();
        } catch (BvhMappingException e) {
            throw new IOException(e.getMessage(), e);
        }
        return builder;
    }

    private static BvhMotion parse(Path file) throws IOException {
        try {
            return BvhParser.parse(file);
        } catch (BvhFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static OrbitCameraTrack camera(BvhPoseTrackBuilder builder, Orbit orbit, int frames, Project project)
            throws IOException {
        try {
            return camera(builder.defaultCamera(project.canvasWidth(), project.canvasHeight()), orbit, frames);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Two keys: the framing camera (which looks at the performer's front) turned by the start yaw at frame 0
     * and by start + orbit at the last frame. The keys hold yaw in the file's axes, so they rebuild the same
     * track without the estimate.
     */
    static OrbitCameraTrack camera(OrbitCameraTrack framing, Orbit orbit, int frames) {
        OrbitKeyframe base = framing.keyframes().get(0);
        double distance = base.distance() * orbit.distanceScale();
        double focal = orbit.focalLength() > 0 ? orbit.focalLength() : base.focalLength();
        double startYaw = base.yawDegrees() + orbit.startYaw();
        OrbitKeyframe first = new OrbitKeyframe(0, startYaw, orbit.elevation(), distance, focal,
                base.targetX(), base.targetY(), base.targetZ(), Interpolation.LINEAR);
        if (orbit.orbitDegrees() == 0 || frames < 2) {
            return OrbitCameraTrack.of(first);
        }
        return OrbitCameraTrack.of(first, first.atFrame(frames - 1).withYaw(startYaw + orbit.orbitDegrees()));
    }

    /**
     * @param camera the orbit camera the track was projected through
     * @param facing where the performer faces at the start (yaw 0 of the orbit dialog)
     * @param naming the joint naming found, for the status line
     */
    public record Imported(PoseTrack track, int frames, double sourceFps, List<String> warnings, OrbitCameraTrack camera,
                           InitialFacing facing, String naming) {
    }
}
