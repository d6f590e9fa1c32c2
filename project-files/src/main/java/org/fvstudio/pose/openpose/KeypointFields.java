package org.fvstudio.pose.openpose;

import java.nio.file.Path;

import org.fvstudio.input.InputLimits;

import com.fasterxml.jackson.databind.JsonNode;

import org.fvstudio.input.InputLimits;

/** Reads the numbers of one keypoint object ({@code {"x": ..., "y": ..., "score": ...}}) with messages naming the file. */
final class KeypointFields {

    private KeypointFields() {
    }

    /** A required finite number. */
    static double number(Path file, JsonNode point, String field, String path) throws PoseFormatException {
        JsonNode value = point.get(field);
        if (value == null || value.isNull()) {
            throw new PoseFormatException(file, path + ": no \"" + field + "\"");
        }
        if (!value.isNumber()) {
            throw new PoseFormatException(file, path + "." + field + ": expected a number, got " + value);
        }
        if (!Double.isFinite(value.doubleValue())) {
            throw new PoseFormatException(file, path + "." + field + ": " + InputLimits.NUMBER_TOO_LARGE);
        }
        // Beyond the limit a point's canvas extent would overflow an int (3e9 made a 1x1 canvas).
        if (Math.abs(value.doubleValue()) > InputLimits.MAX_COORDINATE) {
            throw new PoseFormatException(file, path + "." + field + ": " + value + " is outside -"
                    + (long) InputLimits.MAX_COORDINATE + ".." + (long) InputLimits.MAX_COORDINATE);
        }
        return value.doubleValue();
    }

    /** The first of {@code fields} present, a confidence in 0..1; 1 when none is present. */
    static double confidence(Path file, JsonNode point, String path, String... fields) throws PoseFormatException {
        for (String field : fields) {
            JsonNode value = point.get(field);
            if (value != null && !value.isNull()) {
                double c = number(file, point, field, path);
                if (c < 0 || c > 1) {
                    throw new PoseFormatException(file, path + "." + field + ": " + value + " is outside 0..1");
                }
                return c;
            }
        }
        return 1;
    }

    static JsonNode object(Path file, JsonNode node, String path) throws PoseFormatException {
        if (node == null || !node.isObject()) {
            throw new PoseFormatException(file, path + ": expected an object, got " + node);
        }
        return node;
    }
}
