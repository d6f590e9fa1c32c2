package org.fvstudio.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fvstudio.input.JsonFiles;

/** JSON object strings in one compact canonical spelling, so a stored frame compares equal to what was put. */
final class JsonObjects {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonObjects() {
    }

    static String compact(String what, String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " must be a JSON object, got: " + abbreviate(json));
            }
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is " + JsonFiles.notJsonProblem(e) + ": "
                    + abbreviate(json), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
