package org.fvstudio.ui.studio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.motion.bvh.BvhFormatException;
import org.fvstudio.motion.bvh.BvhMotion;
import org.fvstudio.motion.bvh.BvhParser;
import org.fvstudio.motion.bvh.BvhPoseTrackBuilder;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.ui.edit.ProjectEdits;
import org.fvstudio.ui.task.Outcome;

/**
 * File ▸ Import motion (BVH): parses the file and projects it through an orbiting pinhole camera
 * into the target pose track (a key on every project frame), in the background; the result
 * replaces the target in one undoable edit and the project grows to hold the clip.
 */
public final class MotionImport {

    /**
     * The orbit camera of an import: yaw at the first frame and yaw travelled by the last frame
     * (degrees; 0 faces the performer's front), elevation (degrees), distance as a multiple of the
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

    /** Imports {@code file}; a bad file is reported with its name and the problem, the project unchanged. */
    public void importBvh(Path file, Orbit orbit) {
        Project snapshot = studio.project();
        String name = file.getFileName().toString();
        studio.tasks().submit("Importing motion from " + name, ctx -> build(file, orbit, snapshot), outcome -> {
            if (outcome instanceof Outcome.Success<Imported> success) {
                Imported imported = success.value();
                if (studio.edit(ProjectEdits.replaceTarget(studio.project(), imported.track(), imported.frames(),
                        "Import motion " + name + " (" + imported.frames() + " frames)"))) {
                    studio.statusProperty().set("Imported " + name + ": " + imported.frames() + " frames at "
                            + snapshot.fps() + " fps from " + Math.round(imported.sourceFps()) + " fps motion"
                            + (imported.warnings().isEmpty() ? "" : " (" + String.join("; ", imported.warnings()) + ")"));
                }
            } else if (outcome instanceof Outcome.Failure<Imported> failure) {
                studio.reportProblem("Cannot import motion " + name, failure.message());
            }
        });
    }

    /** The pose track of {@code file} seen through {@code orbit}, sized for {@code project}. */
    public static Imported build(Path file, Orbit orbit, Project project) throws IOException {
        BvhMotion motion;
        try {
            motion = BvhParser.parse(file);
        } catch (BvhFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        BvhPoseTrackBuilder builder = new BvhPoseTrackBuilder(motion);
        int w = project.canvasWidth();
        int h = project.canvasHeight();
        int frames = builder.frameCountAt(project.fps());
        OrbitCameraTrack camera;
        try {
            camera = camera(builder.defaultCamera(w, h), orbit, frames);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        PoseTrack track = builder.build(project.fps(), frames, camera, w, h);
        return new Imported(track, frames, motion.framesPerSecond(), motion.warnings());
    }

    /** Two keys: the framing camera turned to the start yaw at frame 0 and to start + orbit at the last frame. */
    static OrbitCameraTrack camera(OrbitCameraTrack framing, Orbit orbit, int frames) {
        OrbitKeyframe base = framing.keyframes().get(0);
        double distance = base.distance() * orbit.distanceScale();
        double focal = orbit.focalLength() > 0 ? orbit.focalLength() : base.focalLength();
        OrbitKeyframe first = new OrbitKeyframe(0, orbit.startYaw(), orbit.elevation(), distance, focal,
                base.targetX(), base.targetY(), base.targetZ(), Interpolation.LINEAR);
        if (orbit.orbitDegrees() == 0 || frames < 2) {
            return OrbitCameraTrack.of(first);
        }
        return OrbitCameraTrack.of(first, first.atFrame(frames - 1).withYaw(orbit.startYaw() + orbit.orbitDegrees()));
    }

    public record Imported(PoseTrack track, int frames, double sourceFps, List<String> warnings) {
    }
}
