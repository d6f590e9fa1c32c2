package org.fvstudio.project.io;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.fvstudio.input.InputLimits;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON node together with its path in the file, so that every check can name where it failed.
 * All checks throw {@link ProjectFormatException} with this node's path.
 */
final class JsonAt {

    private final String fileName;
    private final String path;
    private final JsonNode node;

    JsonAt(String fileName, String path, JsonNode node) {
        this.fileName = fileName;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    ProjectFormatException problem(String message) {
        return new ProjectFormatException(fileName, path, message);
    }

    JsonAt object() throws ProjectFormatException {
        if (!node.isObject()) {
            throw problem("expected an object, got " + describe(node));
        }
        return this;
    }

    /** Refuses any field not in {@code allowed}: a misspelt field would otherwise be lost silently. */
    JsonAt onlyFields(Set<String> allowed) throws ProjectFormatException {
        object();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw child(name, node.get(name)).problem("unknown field");
            }
        }
        return this;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    JsonAt field(String name) throws ProjectFormatException {
        object();
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ProjectFormatException(fileName, childPath(name), "missing");
        }
        return child(name, value);
    }

    List<JsonAt> array() throws ProjectFormatException {
        if (!node.isArray()) {
            throw problem("expected an array, got " + describe(node));
        }
        List<JsonAt> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonAt(fileName, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    List<JsonAt> array(int expectedSize, String unit) throws ProjectFormatException {
        List<JsonAt> items = array();
        if (items.size() != expectedSize) {
            throw problem("expected " + expectedSize + " " + unit + ", got " + items.size());
        }
        return items;
    }

    String string() throws ProjectFormatException {
        if (!node.isTextual()) {
            throw problem("expected a string, got " + describe(node));
        }
        return node.textValue();
    }

    String nonBlankString() throws ProjectFormatException {
        String value = string();
        if (value.isBlank()) {
            throw problem("must not be empty");
        }
        return value;
    }

    boolean bool() throws ProjectFormatException {
        if (!node.isBoolean()) {
            throw problem("expected true or false, got " + describe(node));
        }
        return node.booleanValue();
    }

    double number() throws ProjectFormatException {
        if (!node.isNumber()) {
            throw problem("expected a number, got " + describe(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw problem(InputLimits.NUMBER_TOO_LARGE);
        }
        return value;
    }

    double number(double min, double max) throws ProjectFormatException {
        double value = number();
        if (value < min || value > max) {
            throw problem(format(value) + " is outside " + format(min) + ".." + format(max));
        }
        return value;
    }

    /** A number within {@link InputLimits#MAX_COORDINATE} either way: a keypoint, pivot or pan in pixels. */
    double coordinate() throws ProjectFormatException {
        return number(-InputLimits.MAX_COORDINATE, InputLimits.MAX_COORDINATE);
    }

    /** An array of keyframes, refused when it holds more than {@link InputLimits#TRACK_MAX_KEYFRAMES}. */
    List<JsonAt> keyframes() throws ProjectFormatException {
        if (node.isArray() && node.size() > InputLimits.TRACK_MAX_KEYFRAMES) {
            throw problem(node.size() + " keyframes, more than the " + InputLimits.TRACK_MAX_KEYFRAMES
                    + " FV Studio reads in one track");
        }
        return array();
    }

    long wholeNumber() throws ProjectFormatException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw problem("expected a whole number, got " + describe(node));
        }
        return node.longValue();
    }

    int wholeNumber(int min, int max) throws ProjectFormatException {
        long value = wholeNumber();
        if (value < min || value > max) {
            throw problem(value + " is outside " + min + ".." + max);
        }
        return (int) value;
    }

    private JsonAt child(String name, JsonNode value) {
        return new JsonAt(fileName, childPath(name), value);
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        return node.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
