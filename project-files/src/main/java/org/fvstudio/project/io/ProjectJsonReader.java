package org.fvstudio.project.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.input.ImageHeader;
import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.MotionSource;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.RetargetOptions;
import org.fvstudio.project.RetargetedMotion;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.timeline.TimelineMarker;
import org.fvstudio.timeline.TimelineMarks;

/**
 * Turns a version-1 project.json tree into a {@link Project}, checking everything on the way and
 * stopping at the first problem. Optional fields and their defaults: a reference's name (""),
 * enabled (true) and note (""); a keyframe's interpolation (linear); a camera key's pivot (canvas
 * centre), pan (0, 0), roll (0) and cut (false); the sections references, target and camera (empty)
 * and generation (defaults, field by field); timeline (no range, no markers), its in, out (unset),
 * markers (none) and a marker's label (""); driving_video (none); motion (none); retarget (none), its strength (1)
 * and height (source).
 */
final class ProjectJsonReader {

    static final int MAX_FRAMES = 1_000_000;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "name", "fps", "frame_count", "canvas",
            "references", "target", "camera", "generation", "timeline", "driving_video", "motion", "retarget");
    private static final Set<String> RETARGET_FIELDS = Set.of("strength", "height", "original");
    private static final Set<String> MOTION_FIELDS = Set.of("bvh", "orbit");
    private static final Set<String> ORBIT_KEY_FIELDS = Set.of("frame", "yaw", "elevation", "distance", "focal_length",
            "target", "interpolation");
    private static final Set<String> TIMELINE_FIELDS = Set.of("in", "out", "markers");
    private static final Set<String> MARKER_FIELDS = Set.of("frame", "label");
    private static final Set<String> DRIVING_VIDEO_FIELDS = Set.of("file", "fps");
    private static final Set<String> CANVAS_FIELDS = Set.of("width", "height");
    private static final Set<String> REFERENCE_FIELDS = Set.of("id", "name", "image", "scale", "enabled", "note", "pose");
    private static final Set<String> POSE_FIELDS = Set.of("canvas", "people");
    private static final Set<String> PERSON_FIELDS = Set.of("body", "feet", "face", "left_hand", "right_hand");
    private static final Set<String> TARGET_FIELDS = Set.of("people");
    private static final Set<String> TRACK_FIELDS = Set.of("name", "keyframes");
    private static final Set<String> KEYFRAME_FIELDS = Set.of("frame", "interpolation", "pose");
    private static final Set<String> CAMERA_FIELDS = Set.of("keyframes");
    private static final Set<String> CAMERA_KEY_FIELDS = Set.of("frame", "zoom", "pivot", "pan", "roll", "cut", "interpolation");
    private static final Set<String> GENERATION_FIELDS = Set.of("pack", "device", "steps", "guidance", "seed",
            "token_budget", "references_used");

    private final Path referencesDir;

    /** @param referencesDir folder in which reference images must exist, or null to skip that check */
    ProjectJsonReader(Path referencesDir) {
        this.referencesDir = referencesDir;
    }

    Project read(JsonAt root) throws ProjectFormatException {
        root.onlyFields(ROOT_FIELDS);
        String name = root.field("name").nonBlankString();
        double fps = root.field("fps").number();
        if (!(fps > 0) || fps > 240) {
            throw root.field("fps").problem(fps + " is outside (0, 240]");
        }
        int frameCount = root.field("frame_count").wholeNumber(1, MAX_FRAMES);
        int[] canvas = canvas(root.field("canvas"), 16, 8192);
        List<ReferenceShot> references = root.has("references") ? references(root.field("references")) : List.of();
        PoseTrack target = root.has("target") ? target(root.field("target"), frameCount) : PoseTrack.empty();
        CameraTrack camera = root.has("camera") ? camera(root.field("camera"), frameCount, canvas) : CameraTrack.empty();
        GenerationSettings generation = root.has("generation")
                ? generation(root.field("generation"), references) : GenerationSettings.DEFAULTS;
        TimelineMarks timeline = root.has("timeline") ? timeline(root.field("timeline"), frameCount) : TimelineMarks.NONE;
        DrivingVideo drivingVideo = root.has("driving_video") ? drivingVideo(root.field("driving_video")) : null;
        MotionSource motion = root.has("motion") ? motion(root.field("motion")) : null;
        RetargetedMotion retarget = root.has("retarget") ? retarget(root.field("retarget")) : null;
        return new Project(name, fps, frameCount, canvas[0], canvas[1], references, target, camera, generation,
                timeline, drivingVideo, motion, retarget);
    }

    private static int[] canvas(JsonAt at, int min, int max) throws ProjectFormatException {
        at.onlyFields(CANVAS_FIELDS);
        return new int[] {at.field("width").wholeNumber(min, max), at.field("height").wholeNumber(min, max)};
    }

    private List<ReferenceShot> references(JsonAt at) throws ProjectFormatException {
        List<ReferenceShot> references = new ArrayList<>();
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        List<JsonAt> items = at.array();
        for (int i = 0; i < items.size(); i++) {
            JsonAt ref = items.get(i).onlyFields(REFERENCE_FIELDS);
            JsonAt idAt = ref.field("id");
            String id = idAt.nonBlankString();
            Integer earlier = firstIndexOfId.putIfAbsent(id, i);
            if (earlier != null) {
                throw idAt.problem("duplicate id \"" + id + "\" (also references[" + earlier + "])");
            }
            String name = ref.has("name") ? ref.field("name").string() : "";
            String image = imageFile(ref.field("image"));
            ShotScale scale = shotScale(ref.field("scale"));
            boolean enabled = !ref.has("enabled") || ref.field("enabled").bool();
            String note = ref.has("note") ? ref.field("note").string() : "";
            Pose pose = pose(ref.field("pose"));
            references.add(new ReferenceShot(id, name, image, pose, scale, enabled, note));
        }
        return references;
    }

    private String imageFile(JsonAt at) throws ProjectFormatException {
        String image = at.nonBlankString();
        // A plain file name inside references/: a path could point anywhere on the user's disk.
        if (image.contains("/") || image.contains("\\") || image.equals(".") || image.equals("..")) {
            throw at.problem("\"" + image + "\" must be a plain file name inside references/");
        }
        if (referencesDir != null) {
            checkImage(at, referencesDir.resolve(image), "references/" + image);
        }
        return image;
    }

    /**
     * The picture must be in references/ (not a link out of it) and declare a size within {@link InputLimits}.
     * A picture that cannot be decoded is left for the one who decodes it to report.
     */
    private void checkImage(JsonAt at, Path file, String name) throws ProjectFormatException {
        if (!Files.isRegularFile(file)) {
            throw at.problem(name + " does not exist");
        }
        try {
            if (!BundlePaths.isInsideReferences(file, referencesDir)) {
                throw at.problem(name + " is a link to a file outside references/; copy the picture into the project");
            }
            Optional<ImageHeader> header = BoundedImageReader.header(file, name);
            if (header.isPresent()) {
                InputLimits.checkImageSize(name, header.get().width(), header.get().height());
            }
        } catch (BadInputException e) {
            throw at.problem(name + " " + e.problem());
        } catch (IOException e) {
            // unreadable header: whoever decodes the picture says what is wrong with it
        }
    }

    private static ShotScale shotScale(JsonAt at) throws ProjectFormatException {
        String value = at.string();
        try {
            return ShotScale.fromJson(value);
        } catch (IllegalArgumentException e) {
            throw at.problem(e.getMessage());
        }
    }

    private static Interpolation interpolation(JsonAt owner) throws ProjectFormatException {
        if (!owner.has("interpolation")) {
            return Interpolation.LINEAR;
        }
        JsonAt at = owner.field("interpolation");
        try {
            return Interpolation.fromJson(at.string());
        } catch (IllegalArgumentException e) {
            throw at.problem(e.getMessage());
        }
    }

    static Pose pose(JsonAt at) throws ProjectFormatException {
        at.onlyFields(POSE_FIELDS);
        int[] canvas = canvas(at.field("canvas"), 1, 65536);
        List<PersonPose> people = new ArrayList<>();
        for (JsonAt person : at.field("people").array()) {
            people.add(person(person));
        }
        return new Pose(canvas[0], canvas[1], people);
    }

    static PersonPose person(JsonAt at) throws ProjectFormatException {
        at.onlyFields(PERSON_FIELDS);
        double[] flat = new double[PersonPose.KEYPOINT_COUNT * 3];
        for (BodyPart part : BodyPart.values()) {
            if (part != BodyPart.BODY && !at.has(part.jsonName())) {
                continue;
            }
            List<JsonAt> points = at.field(part.jsonName()).array(part.size(), "points");
            for (int i = 0; i < points.size(); i++) {
                List<JsonAt> xyc = points.get(i).array(3, "values [x, y, confidence]");
                int base = 3 * (part.offset() + i);
                flat[base] = xyc.get(0).coordinate();
                flat[base + 1] = xyc.get(1).coordinate();
                flat[base + 2] = xyc.get(2).number(0, 1);
            }
        }
        return PersonPose.ofFlat(flat);
    }

    /** The original motion may have keys past the last frame: the project can have been shortened since. */
    private static RetargetedMotion retarget(JsonAt at) throws ProjectFormatException {
        at.onlyFields(RETARGET_FIELDS);
        double strength = at.has("strength") ? at.field("strength").number(0, 1) : RetargetOptions.DEFAULTS.strength();
        RetargetOptions.Height height = RetargetOptions.DEFAULTS.height();
        if (at.has("height")) {
            JsonAt heightAt = at.field("height");
            try {
                height = RetargetOptions.Height.fromJson(heightAt.string());
            } catch (IllegalArgumentException e) {
                throw heightAt.problem(e.getMessage());
            }
        }
        PoseTrack original = target(at.field("original"), MAX_FRAMES);
        return new RetargetedMotion(original, new RetargetOptions(strength, height));
    }

    private static PoseTrack target(JsonAt at, int frameCount) throws ProjectFormatException {
        at.onlyFields(TARGET_FIELDS);
        List<PersonTrack> tracks = new ArrayList<>();
        checkPoseCount(at.field("people"));
        for (JsonAt track : at.field("people").array()) {
            track.onlyFields(TRACK_FIELDS);
            String name = track.field("name").string();
            List<PoseKeyframe> keys = new ArrayList<>();
            Map<Integer, Integer> indexOfFrame = new HashMap<>();
            List<JsonAt> items = track.field("keyframes").keyframes();
            for (int i = 0; i < items.size(); i++) {
                JsonAt key = items.get(i).onlyFields(KEYFRAME_FIELDS);
                int frame = frame(key.field("frame"), frameCount, indexOfFrame, i);
                keys.add(new PoseKeyframe(frame, person(key.field("pose")), interpolation(key)));
            }
            tracks.add(new PersonTrack(name, keys));
        }
        return new PoseTrack(tracks);
    }

    /** Counted before any pose is built: the poses, not the JSON, are what would exhaust memory. */
    private static void checkPoseCount(JsonAt people) throws ProjectFormatException {
        long poses = 0;
        for (JsonAt track : people.array()) {
            JsonNode keyframes = track.node().get("keyframes");
            poses += keyframes != null && keyframes.isArray() ? keyframes.size() : 0;
        }
        if (poses > InputLimits.POSE_KEYFRAMES_MAX) {
            throw people.problem(poses + " pose keyframes in all, more than the " + InputLimits.POSE_KEYFRAMES_MAX
                    + " FV Studio holds in memory (3.2 KB each); reduce keyframes or split the take");
        }
    }

    private static int frame(JsonAt at, int frameCount, Map<Integer, Integer> indexOfFrame, int index)
            throws ProjectFormatException {
        int frame = at.wholeNumber(0, frameCount - 1);
        Integer earlier = indexOfFrame.putIfAbsent(frame, index);
        if (earlier != null) {
            throw at.problem("a second keyframe at frame " + frame + " (also keyframes[" + earlier + "])");
        }
        return frame;
    }

    private static CameraTrack camera(JsonAt at, int frameCount, int[] canvas) throws ProjectFormatException {
        at.onlyFields(CAMERA_FIELDS);
        List<CameraKeyframe> keys = new ArrayList<>();
        Map<Integer, Integer> indexOfFrame = new HashMap<>();
        List<JsonAt> items = at.field("keyframes").keyframes();
        for (int i = 0; i < items.size(); i++) {
            JsonAt key = items.get(i).onlyFields(CAMERA_KEY_FIELDS);
            int frame = frame(key.field("frame"), frameCount, indexOfFrame, i);
            double zoom = key.field("zoom").number();
            if (!(zoom > 0) || zoom > 1000) {
                throw key.field("zoom").problem(zoom + " is outside (0, 1000]");
            }
            double[] pivot = key.has("pivot") ? pair(key.field("pivot")) : new double[] {canvas[0] / 2.0, canvas[1] / 2.0};
            double[] pan = key.has("pan") ? pair(key.field("pan")) : new double[2];
            double roll = key.has("roll") ? key.field("roll").number(-36000, 36000) : 0;
            boolean cut = key.has("cut") && key.field("cut").bool();
            keys.add(new CameraKeyframe(frame, zoom, pivot[0], pivot[1], pan[0], pan[1], roll, cut, interpolation(key)));
        }
        return new CameraTrack(keys);
    }

    private static double[] pair(JsonAt at) throws ProjectFormatException {
        List<JsonAt> xy = at.array(2, "numbers [x, y]");
        return new double[] {xy.get(0).coordinate(), xy.get(1).coordinate()};
    }

    private static GenerationSettings generation(JsonAt at, List<ReferenceShot> references) throws ProjectFormatException {
        at.onlyFields(GENERATION_FIELDS);
        GenerationSettings d = GenerationSettings.DEFAULTS;
        String pack = at.has("pack") ? at.field("pack").nonBlankString() : d.packId();
        String device = d.device();
        if (at.has("device")) {
            JsonAt deviceAt = at.field("device");
            device = deviceAt.string();
            if (!List.of("auto", "cpu", "cuda").contains(device)) {
                throw deviceAt.problem("expected auto, cpu or cuda, got \"" + device + "\"");
            }
        }
        int steps = at.has("steps") ? at.field("steps").wholeNumber(1, 1000) : d.steps();
        double guidance = at.has("guidance") ? at.field("guidance").number(0, 50) : d.guidance();
        long seed = at.has("seed") ? at.field("seed").wholeNumber() : d.seed();
        int tokenBudget = at.has("token_budget") ? at.field("token_budget").wholeNumber(0, InputLimits.TOKEN_BUDGET_MAX)
                : d.tokenBudget();
        List<String> used = new ArrayList<>();
        if (at.has("references_used")) {
            for (JsonAt idAt : at.field("references_used").array()) {
                String id = idAt.string();
                if (references.stream().noneMatch(r -> r.id().equals(id))) {
                    throw idAt.problem("no reference with id \"" + id + "\"");
                }
                used.add(id);
            }
        }
        return new GenerationSettings(pack, device, steps, guidance, seed, tokenBudget, used);
    }

    private static TimelineMarks timeline(JsonAt at, int frameCount) throws ProjectFormatException {
        at.onlyFields(TIMELINE_FIELDS);
        int in = at.has("in") ? at.field("in").wholeNumber(0, frameCount - 1) : TimelineMarks.UNSET;
        int out = at.has("out") ? at.field("out").wholeNumber(0, frameCount - 1) : TimelineMarks.UNSET;
        if (in != TimelineMarks.UNSET && out != TimelineMarks.UNSET && in > out) {
            throw at.field("in").problem("the in point " + in + " lies after the out point " + out);
        }
        List<TimelineMarker> markers = new ArrayList<>();
        if (at.has("markers")) {
            Map<Integer, Integer> indexOfFrame = new HashMap<>();
            List<JsonAt> items = at.field("markers").array();
            for (int i = 0; i < items.size(); i++) {
                JsonAt marker = items.get(i).onlyFields(MARKER_FIELDS);
                JsonAt frameAt = marker.field("frame");
                int frame = frameAt.wholeNumber(0, frameCount - 1);
                Integer earlier = indexOfFrame.putIfAbsent(frame, i);
                if (earlier != null) {
                    throw frameAt.problem("a second marker at frame " + frame + " (also markers[" + earlier + "])");
                }
                String label = marker.has("label") ? marker.field("label").string() : "";
                markers.add(new TimelineMarker(frame, label));
            }
        }
        return new TimelineMarks(in, out, markers);
    }

    /** The video's existence is not checked: a moved video is a warning for the studio, not a broken project. */
    private DrivingVideo drivingVideo(JsonAt at) throws ProjectFormatException {
        at.onlyFields(DRIVING_VIDEO_FIELDS);
        Path file = externalFile(at.field("file"));
        double fps = at.field("fps").number(0, 1000);
        return new DrivingVideo(file, fps);
    }

    /**
     * The BVH file is not required to exist either: without it the track stays as saved and only
     * re-orbiting is impossible. Orbit keys may lie past the last frame (they only shape the interpolation).
     */
    private MotionSource motion(JsonAt at) throws ProjectFormatException {
        at.onlyFields(MOTION_FIELDS);
        Path bvh = externalFile(at.field("bvh"));
        List<OrbitKeyframe> keys = new ArrayList<>();
        Map<Integer, Integer> indexOfFrame = new HashMap<>();
        List<JsonAt> items = at.field("orbit").keyframes();
        if (items.isEmpty()) {
            throw at.field("orbit").problem("an orbit camera needs at least one keyframe");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonAt key = items.get(i).onlyFields(ORBIT_KEY_FIELDS);
            int frame = frame(key.field("frame"), MAX_FRAMES + 1, indexOfFrame, i);
            double yaw = key.field("yaw").number(-36000, 36000);
            JsonAt elevationAt = key.field("elevation");
            double elevation = elevationAt.number();
            if (!(Math.abs(elevation) < 90)) {
                throw elevationAt.problem(elevationAt.node() + " must lie strictly between -90 and 90 degrees");
            }
            double distance = positive(key.field("distance"));
            double focal = positive(key.field("focal_length"));
            List<JsonAt> xyz = key.field("target").array(3, "numbers [x, y, z]");
            keys.add(new OrbitKeyframe(frame, yaw, elevation, distance, focal, xyz.get(0).coordinate(),
                    xyz.get(1).coordinate(), xyz.get(2).coordinate(), interpolation(key)));
        }
        return new MotionSource(bvh, new OrbitCameraTrack(keys));
    }

    private static double positive(JsonAt at) throws ProjectFormatException {
        double value = at.number();
        if (!(value > 0)) {
            throw at.problem("expected a positive number, got " + at.node());
        }
        if (value > InputLimits.MAX_COORDINATE) {
            throw at.problem(at.node() + " is larger than " + (long) InputLimits.MAX_COORDINATE);
        }
        return value;
    }

    /** A file outside references/: relative paths are relative to the bundle (the parent of references/). */
    private Path externalFile(JsonAt fileAt) throws ProjectFormatException {
        String stored = fileAt.nonBlankString();
        Path file;
        try {
            file = Path.of(stored);
        } catch (InvalidPathException e) {
            throw fileAt.problem("\"" + stored + "\" is not a valid path on this system");
        }
        if (!file.isAbsolute() && referencesDir != null) {
            file = referencesDir.toAbsolutePath().getParent().resolve(file);
        }
        return file.isAbsolute() ? file.normalize() : file;
    }
}
