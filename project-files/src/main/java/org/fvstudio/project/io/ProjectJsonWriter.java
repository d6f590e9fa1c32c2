package org.fvstudio.project.io;

import java.nio.file.Path;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.MotionSource;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.RetargetedMotion;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.timeline.TimelineMarker;
import org.fvstudio.timeline.TimelineMarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the version-1 project.json tree of a {@link Project}; parts with no point present are left out. */
final class ProjectJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProjectJsonWriter() {
    }

    /** @param bundleDir the bundle the file is written into (a driving video inside it is stored relative), or null */
    static ObjectNode write(Project project, Path bundleDir) {
        ObjectNode root = NODES.objectNode();
        root.put("format", ProjectJson.FORMAT);
        root.put("version", ProjectJson.CURRENT_VERSION);
        root.put("name", project.name());
        root.put("fps", project.fps());
        root.put("frame_count", project.frameCount());
        root.set("canvas", canvas(project.canvasWidth(), project.canvasHeight()));
        ArrayNode references = root.putArray("references");
        for (ReferenceShot ref : project.references()) {
            ObjectNode r = references.addObject();
            r.put("id", ref.id());
            r.put("name", ref.name());
            r.put("image", ref.imageFile());
            r.put("scale", ref.scale().jsonName());
            r.put("enabled", ref.enabled());
            r.put("note", ref.note());
            r.set("pose", pose(ref.pose()));
        }
        root.set("target", track(project.target()));
        ArrayNode cameraKeys = root.putObject("camera").putArray("keyframes");
        for (CameraKeyframe key : project.camera().keyframes()) {
            ObjectNode k = cameraKeys.addObject();
            k.put("frame", key.frame());
            k.put("zoom", key.zoom());
            k.putArray("pivot").add(key.pivotX()).add(key.pivotY());
            k.putArray("pan").add(key.panX()).add(key.panY());
            k.put("roll", key.rollDegrees());
            k.put("cut", key.cut());
            k.put("interpolation", key.interpolation().jsonName());
        }
        GenerationSettings g = project.generation();
        ObjectNode generation = root.putObject("generation");
        generation.put("pack", g.packId());
        generation.put("device", g.device());
        generation.put("steps", g.steps());
        generation.put("guidance", g.guidance());
        generation.put("seed", g.seed());
        generation.put("token_budget", g.tokenBudget());
        ArrayNode used = generation.putArray("references_used");
        g.referencesUsed().forEach(used::add);
        TimelineMarks marks = project.timeline();
        if (!marks.isEmpty()) {
            ObjectNode timeline = root.putObject("timeline");
            if (marks.hasIn()) {
                timeline.put("in", marks.in());
            }
            if (marks.hasOut()) {
                timeline.put("out", marks.out());
            }
            ArrayNode markers = timeline.putArray("markers");
            for (TimelineMarker marker : marks.markers()) {
                ObjectNode m = markers.addObject().put("frame", marker.frame());
                if (!marker.label().isEmpty()) {
                    m.put("label", marker.label());
                }
            }
        }
        project.drivingVideoIfAny().ifPresent(video -> {
            ObjectNode node = root.putObject("driving_video");
            node.put("file", storedPath(video.file(), bundleDir));
            node.put("fps", video.frameRate());
        });
        MotionSource motion = project.motion();
        if (motion != null) {
            ObjectNode node = root.putObject("motion");
            node.put("bvh", storedPath(motion.bvh(), bundleDir));
            ArrayNode orbit = node.putArray("orbit");
            for (OrbitKeyframe key : motion.orbit().keyframes()) {
                ObjectNode k = orbit.addObject();
                k.put("frame", key.frame());
                k.put("yaw", key.yawDegrees());
                k.put("elevation", key.elevationDegrees());
                k.put("distance", key.distance());
                k.put("focal_length", key.focalLength());
                k.putArray("target").add(key.targetX()).add(key.targetY()).add(key.targetZ());
                k.put("interpolation", key.interpolation().jsonName());
            }
        }
        RetargetedMotion retarget = project.retarget();
        if (retarget != null) {
            ObjectNode node = root.putObject("retarget");
            node.put("strength", retarget.options().strength());
            node.put("height", retarget.options().height().jsonName());
            node.set("original", track(retarget.original()));
        }
        return root;
    }

    private static ObjectNode track(PoseTrack track) {
        ObjectNode node = NODES.objectNode();
        ArrayNode people = node.putArray("people");
        for (PersonTrack person : track.people()) {
            ObjectNode t = people.addObject();
            t.put("name", person.name());
            ArrayNode keys = t.putArray("keyframes");
            for (PoseKeyframe key : person.keyframes()) {
                ObjectNode k = keys.addObject();
                k.put("frame", key.frame());
                k.put("interpolation", key.interpolation().jsonName());
                k.set("pose", person(key.pose()));
            }
        }
        return node;
    }

    /** Relative with '/' separators when inside the bundle, so the bundle can move; absolute otherwise. */
    private static String storedPath(Path file, Path bundleDir) {
        if (bundleDir != null) {
            Path dir = bundleDir.toAbsolutePath().normalize();
            Path absolute = dir.resolve(file).normalize();
            if (absolute.startsWith(dir) && !absolute.equals(dir)) {
                return dir.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
            }
            return absolute.toString();
        }
        return file.toString();
    }

    static ObjectNode pose(Pose pose) {
        ObjectNode node = NODES.objectNode();
        node.set("canvas", canvas(pose.canvasWidth(), pose.canvasHeight()));
        ArrayNode people = node.putArray("people");
        pose.people().forEach(p -> people.add(person(p)));
        return node;
    }

    static ObjectNode person(PersonPose person) {
        ObjectNode node = NODES.objectNode();
        double[] flat = person.toFlat();
        for (BodyPart part : BodyPart.values()) {
            if (part != BodyPart.BODY && !person.hasAnyPresent(part)) {
                continue;
            }
            ArrayNode points = node.putArray(part.jsonName());
            for (int i = part.offset(); i < part.offset() + part.size(); i++) {
                points.addArray().add(flat[3 * i]).add(flat[3 * i + 1]).add(flat[3 * i + 2]);
            }
        }
        return node;
    }

    private static ObjectNode canvas(int width, int height) {
        ObjectNode canvas = NODES.objectNode();
        canvas.put("width", width);
        canvas.put("height", height);
        return canvas;
    }
}
