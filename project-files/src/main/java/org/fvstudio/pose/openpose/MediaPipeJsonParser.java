package org.fvstudio.pose.openpose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * MediaPipe pose landmarks: 33 {@code {"x", "y", "z", "visibility"}} with x and y fractions of the image
 * (z is ignored). Accepted as a bare array of 33 landmarks, or an object holding them under
 * {@code landmarks} (the Tasks API: one array per person, or one flat array), {@code poseLandmarks}
 * (the legacy JavaScript solution), {@code pose_landmarks} or {@code landmark} (Python's protobuf as
 * JSON, possibly as {@code {"landmark": [...]}}). Confidence is the visibility, else the presence,
 * else 1.
 */
final class MediaPipeJsonParser {

    static final List<String> KEYS = List.of("landmarks", "poseLandmarks", "pose_landmarks", "landmark");

    private final Path file;

    MediaPipeJsonParser(Path file) {
        this.file = file;
    }

    static boolean isLandmarkObject(JsonNode node) {
        return node != null && node.isObject() && KEYS.stream().anyMatch(node::has);
    }

    static boolean isLandmark(JsonNode node) {
        return node != null && node.isObject() && node.has("x") && node.has("y");
    }

    /** @param node a landmark object ({@link #KEYS}) or a bare array of 33 landmarks */
    List<RawPerson> people(JsonNode node, String path) throws PoseFormatException {
        if (node.isArray()) {
            return List.of(person(node, path));
        }
        for (String key : KEYS) {
            if (node.has(key)) {
                return peopleUnder(node.get(key), path.isEmpty() ? key : path + "." + key);
            }
        }
        throw new PoseFormatException(file, path + ": no landmarks");
    }

    private List<RawPerson> peopleUnder(JsonNode value, String at) throws PoseFormatException {
        if (value.isObject() && value.has("landmark")) {
            return peopleUnder(value.get("landmark"), at + ".landmark");
        }
        if (!value.isArray()) {
            throw new PoseFormatException(file, at + ": expected an array of landmarks");
        }
        if (value.isEmpty() || isLandmark(value.get(0))) {
            return value.isEmpty() ? List.of() : List.of(person(value, at));
        }
        List<RawPerson> people = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode person = value.get(i);
            String where = at + "[" + i + "]";
            if (person.isObject() && person.has("landmark")) {
                person = person.get("landmark");
                where += ".landmark";
            }
            if (!person.isArray()) {
                throw new PoseFormatException(file, where + ": expected an array of 33 landmarks");
            }
            people.add(person(person, where));
        }
        return people;
    }

    private RawPerson person(JsonNode landmarks, String at) throws PoseFormatException {
        if (landmarks.size() != BlazePoseLandmarks.COUNT) {
            throw new PoseFormatException(file, (at.isEmpty() ? "" : at + ": ") + landmarks.size()
                    + " landmarks, expected 33 (MediaPipe pose)");
        }
        double[] values = new double[BlazePoseLandmarks.COUNT * 3];
        for (int i = 0; i < BlazePoseLandmarks.COUNT; i++) {
            String point = at + "[" + i + "]";
            JsonNode landmark = KeypointFields.object(file, landmarks.get(i), point);
            values[3 * i] = KeypointFields.number(file, landmark, "x", point);
            values[3 * i + 1] = KeypointFields.number(file, landmark, "y", point);
            values[3 * i + 2] = KeypointFields.confidence(file, landmark, point, "visibility", "presence");
        }
        return BlazePoseLandmarks.person(values);
    }
}
