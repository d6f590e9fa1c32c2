package org.fvstudio.pose.openpose;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.InputLimits;
import org.fvstudio.input.JsonFiles;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads pose JSON files (OpenPose, MoveNet, MediaPipe) into raw frames, checking structure and array sizes. */
final class OpenPoseJsonParser {

    static final String BODY = "pose_keypoints_2d";
    static final String FACE = "face_keypoints_2d";
    static final String LEFT_HAND = "hand_left_keypoints_2d";
    static final String RIGHT_HAND = "hand_right_keypoints_2d";
    /** FV Studio's own addition for the six DWPose foot points; other tools ignore it. */
    static final String FEET = "foot_keypoints_2d";

    private final Path file;
    private final BodyLayout forcedLayout;

    /** @param forcedLayout the layout every body must have, or null to accept 17, 18 or 25 points */
    OpenPoseJsonParser(Path file, BodyLayout forcedLayout) {
        this.file = file;
        this.forcedLayout = forcedLayout;
    }

    JsonNode readTree() throws PoseFormatException {
        String name = String.valueOf(file.getFileName());
        JsonNode tree;
        try {
            tree = JsonFiles.readTree(file, name, InputLimits.POSE_JSON_MAX_BYTES, "a pose file");
        } catch (BadInputException e) {
            throw new PoseFormatException(file, e.problem(), e);
        } catch (NoSuchFileException e) {
            throw new PoseFormatException(file, "file not found", e);
        } catch (IOException e) {
            throw new PoseFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (tree == null) {
            throw new PoseFormatException(file, "is empty, not a pose file");
        }
        return tree;
    }

    /**
     * Whether {@code tree} is an array of frames (each element one frame) rather than one frame: a MoveNet
     * list of poses or a bare array of MediaPipe landmarks is one frame.
     */
    static boolean isFrameSequence(JsonNode tree) {
        if (!tree.isArray() || tree.isEmpty()) {
            return tree.isArray();
        }
        JsonNode first = tree.get(0);
        return !MoveNetJsonParser.isPose(first) && !MediaPipeJsonParser.isLandmark(first);
    }

    /** A file holding one frame, or an array of frames. */
    List<RawFrame> frames(JsonNode tree) throws PoseFormatException {
        List<RawFrame> frames = new ArrayList<>();
        if (tree.isArray() && tree.isEmpty()) {
            throw new PoseFormatException(file, "holds an empty array, no pose frames");
        }
        if (tree.isArray() && tree.size() > InputLimits.SEQUENCE_MAX_FRAMES) {
            throw new PoseFormatException(file, "holds " + tree.size() + " frames, more than the "
                    + InputLimits.SEQUENCE_MAX_FRAMES + " FV Studio reads in one sequence");
        }
        if (isFrameSequence(tree)) {
            for (int i = 0; i < tree.size(); i++) {
                frames.add(frame(tree.get(i), "[" + i + "]"));
            }
        } else {
            frames.add(frame(tree, ""));
        }
        return frames;
    }

    /** One frame in any of the {@link PoseJsonFormat}s. */
    RawFrame frame(JsonNode node, String path) throws PoseFormatException {
        String where = path.isEmpty() ? "" : path + ": ";
        if (node.isArray()) {
            if (node.isEmpty() || MoveNetJsonParser.isPose(node.get(0))) {
                return new RawFrame(PoseJsonFormat.MOVENET, 0, 0, new MoveNetJsonParser(file).people(node, path), null);
            }
            if (MediaPipeJsonParser.isLandmark(node.get(0))) {
                return new RawFrame(PoseJsonFormat.MEDIAPIPE, 0, 0, new MediaPipeJsonParser(file).people(node, path),
                        CoordinateMode.NORMALISED);
            }
        } else if (node.isObject() && !node.has("people")) {
            int width = canvasSide(node, path, "canvas_width");
            int height = canvasSide(node, path, "canvas_height");
            if (MoveNetJsonParser.isPose(node)) {
                return new RawFrame(PoseJsonFormat.MOVENET, width, height, new MoveNetJsonParser(file).people(node, path), null);
            }
            if (MediaPipeJsonParser.isLandmarkObject(node)) {
                return new RawFrame(PoseJsonFormat.MEDIAPIPE, width, height, new MediaPipeJsonParser(file).people(node, path),
                        CoordinateMode.NORMALISED);
            }
        }
        if (!node.isObject() || !node.has("people")) {
            throw new PoseFormatException(file, where + "not a pose file: expected an object with a \"people\" array"
                    + " (OpenPose), \"keypoints\" (MoveNet / TensorFlow.js) or 33 \"landmarks\" (MediaPipe)");
        }
        JsonNode people = node.get("people");
        if (!people.isArray()) {
            throw new PoseFormatException(file, where + "not a pose file: \"people\" is not an array");
        }
        int width = canvasSide(node, path, "canvas_width");
        int height = canvasSide(node, path, "canvas_height");
        List<RawPerson> persons = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            persons.add(person(people.get(i), dot(path, "people[" + i + "]")));
        }
        return new RawFrame(PoseJsonFormat.OPENPOSE, width, height, persons, null);
    }

    private int canvasSide(JsonNode frame, String path, String name) throws PoseFormatException {
        JsonNode value = frame.get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber() || !(value.doubleValue() >= 1) || value.doubleValue() > 65536) {
            throw new PoseFormatException(file, dot(path, name) + ": expected a size in pixels, got " + value);
        }
        return (int) Math.round(value.doubleValue());
    }

    private RawPerson person(JsonNode node, String path) throws PoseFormatException {
        if (!node.isObject()) {
            throw new PoseFormatException(file, path + ": expected an object");
        }
        double[] body = forcedLayout == null ? points(node, path, BODY, 17, 18, 25)
                : points(node, path, BODY, forcedLayout.pointCount());
        double[] face = points(node, path, FACE, 68, 70);
        if (face != null && face.length == 70 * 3) {
            // OpenPose's 69th and 70th face points are the pupils, which DWPose does not have.
            face = java.util.Arrays.copyOf(face, 68 * 3);
        }
        double[] left = points(node, path, LEFT_HAND, 21);
        double[] right = points(node, path, RIGHT_HAND, 21);
        double[] feet = points(node, path, FEET, 6);
        return new RawPerson(body, face, left, right, feet);
    }

    /** The values of one part, or null when the part is absent, null or empty. */
    private double[] points(JsonNode person, String path, String name, int... allowedCounts) throws PoseFormatException {
        JsonNode array = person.get(name);
        if (array == null || array.isNull() || (array.isArray() && array.isEmpty())) {
            return null;
        }
        String at = dot(path, name);
        if (!array.isArray()) {
            throw new PoseFormatException(file, at + ": expected an array of numbers");
        }
        if (array.size() % 3 != 0) {
            throw new PoseFormatException(file, at + ": " + array.size() + " values is not a whole number of x, y, confidence triples");
        }
        int count = array.size() / 3;
        boolean allowed = false;
        for (int c : allowedCounts) {
            allowed |= c == count;
        }
        if (!allowed) {
            String asked = name.equals(BODY) && forcedLayout != null ? " (" + forcedLayout + " was asked for)" : "";
            throw new PoseFormatException(file, at + ": " + count + " points, expected " + listOf(allowedCounts) + asked);
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) {
                throw new PoseFormatException(file, at + "[" + i + "]: expected a number, got " + v);
            }
            if (!Double.isFinite(v.doubleValue())) {
                throw new PoseFormatException(file, at + "[" + i + "]: " + InputLimits.NUMBER_TOO_LARGE);
            }
            values[i] = v.doubleValue();
            if (Math.abs(values[i]) > InputLimits.MAX_COORDINATE) {
                throw new PoseFormatException(file, at + "[" + i + "]: " + v + " is outside -"
                        + (long) InputLimits.MAX_COORDINATE + ".." + (long) InputLimits.MAX_COORDINATE);
            }
            if (i % 3 == 2 && (values[i] < 0 || values[i] > 1)) {
                throw new PoseFormatException(file, at + "[" + i + "]: confidence " + v + " is outside 0..1");
            }
        }
        return values;
    }

    private static String dot(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String listOf(int[] counts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            text.append(i == 0 ? "" : i == counts.length - 1 ? " or " : ", ").append(counts[i]);
        }
        return text.toString();
    }
}
