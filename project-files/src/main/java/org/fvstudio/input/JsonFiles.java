package org.fvstudio.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads JSON files within a size limit, with problems in FV Studio's words ({@link JsonProblem}): a file above
 * the limit is refused before it is read, and a file that is not JSON gets the place and the problem.
 */
public final class JsonFiles {

    /** Trailing content and a key given twice are refused: either would lose part of the file silently. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonFiles() {
    }

    /**
     * The bytes of {@code file}, refused when larger than {@code maxBytes}.
     *
     * @param name how messages name the file
     * @param kind what the file is, for the message: "a project file"
     */
    public static byte[] readBytes(Path file, String name, long maxBytes, String kind) throws IOException {
        InputLimits.checkFileSize(file, name, maxBytes, kind);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > maxBytes) { // grew between the check and the read
            InputLimits.checkCount(name, bytes.length, maxBytes, "bytes");
        }
        return bytes;
    }

    /** Parses {@code json}; null for an empty text. */
    public static JsonNode parse(byte[] json, String name) throws BadInputException {
        try {
            JsonNode tree = MAPPER.readTree(json);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JsonProcessingException e) {
            throw notJson(name, e);
        } catch (IOException e) {
            throw new BadInputException(name, "cannot be parsed as JSON", e);
        }
    }

    /** Parses {@code json}; null for an empty text. */
    public static JsonNode parse(String json, String name) throws BadInputException {
        try {
            JsonNode tree = MAPPER.readTree(json);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JsonProcessingException e) {
            throw notJson(name, e);
        }
    }

    /** Reads and parses {@code file} (see {@link #readBytes}); null for an empty file. */
    public static JsonNode readTree(Path file, String name, long maxBytes, String kind) throws IOException {
        return parse(readBytes(file, name, maxBytes, kind), name);
    }

    /** "not valid JSON at line 47, column 8: the file ends inside an array". */
    public static BadInputException notJson(String name, JsonProcessingException e) {
        return new BadInputException(name, notJsonProblem(e), e);
    }

    /** The problem of {@link #notJson} without the file's name. */
    public static String notJsonProblem(JsonProcessingException e) {
        JsonProblem problem = JsonProblem.of(e);
        return "not valid JSON" + (problem.place().isEmpty() ? "" : " at " + problem.place()) + ": " + problem.problem();
    }
}
