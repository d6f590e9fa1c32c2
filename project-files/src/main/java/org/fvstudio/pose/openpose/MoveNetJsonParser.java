package org.fvstudio.pose.openpose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * TensorFlow.js pose-detection output, as MoveNet writes it: one frame is an array of poses
 * {@code [{"keypoints": [{"x", "y", "score", "name"}], "score"}]} or a single pose object, in pixels.
 * 17 keypoints are COCO-17 (MoveNet, PoseNet); 33 are BlazePose's landmarks. Keypoints that all carry
 * a {@code name} are placed by name, others by position; a missing score counts as 1.
 */
final class MoveNetJsonParser {

    static final String KEYPOINTS = "keypoints";

    static final List<String> COCO_17 = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
            "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");

    private final Path file;

    MoveNetJsonParser(Path file) {
        this.file = file;
    }

    static boolean isPose(JsonNode node) {
        return node != null && node.isObject() && node.has(KEYPOINTS);
    }

    /** @param node a pose object or an array of them */
    List<RawPerson> people(JsonNode node, String path) throws PoseFormatException {
        List<RawPerson> people = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                if (!isPose(node.get(i))) {
                    throw new PoseFormatException(file, at + ": expected a pose object with a \"keypoints\" array");
                }
                people.add(person(node.get(i), at));
            }
        } else {
            people.add(person(node, path));
        }
        return people;
    }

    private RawPerson person(JsonNode pose, String path) throws PoseFormatException {
        String at = path.isEmpty() ? KEYPOINTS : path + "." + KEYPOINTS;
        JsonNode keypoints = pose.get(KEYPOINTS);
        if (!keypoints.isArray()) {
            throw new PoseFormatException(file, at + ": expected an array of keypoints");
        }
        int count = keypoints.size();
        List<String> names = switch (count) {
            case 17 -> COCO_17;
            case BlazePoseLandmarks.COUNT -> Arrays.asList(BlazePoseLandmarks.NAMES);
            default -> throw new PoseFormatException(file, at + ": " + count
                    + " keypoints, expected 17 (MoveNet, COCO-17) or 33 (BlazePose)");
        };
        boolean named = true;
        for (JsonNode k : keypoints) {
            named &= k.isObject() && k.hasNonNull("name");
        }
        double[] values = new double[count * 3];
        boolean[] seen = new boolean[count];
        for (int i = 0; i < count; i++) {
            String point = at + "[" + i + "]";
            JsonNode k = KeypointFields.object(file, keypoints.get(i), point);
            int slot = i;
            if (named) {
                String name = k.get("name").asText();
                slot = names.indexOf(name);
                if (slot < 0) {
                    throw new PoseFormatException(file, point + ".name: '" + name + "' is not one of the " + count
                            + " keypoint names (" + names.get(0) + ", " + names.get(1) + ", ...)");
                }
                if (seen[slot]) {
                    throw new PoseFormatException(file, point + ".name: '" + name + "' appears twice");
                }
            }
            seen[slot] = true;
            values[3 * slot] = KeypointFields.number(file, k, "x", point);
            values[3 * slot + 1] = KeypointFields.number(file, k, "y", point);
            values[3 * slot + 2] = KeypointFields.confidence(file, k, point, "score");
        }
        if (count == BlazePoseLandmarks.COUNT) {
            return BlazePoseLandmarks.person(values);
        }
        return new RawPerson(values, null, null, null, null);
    }
}
