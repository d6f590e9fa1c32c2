package org.fvstudio.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.fvstudio.input.InputLimits;
import org.fvstudio.input.JsonFiles;
import org.fvstudio.project.io.TemporaryFiles;

/** {@code cache/index.json}: frame number -> key of the result shown for it. */
final class CacheIndexFile {

    private static final String FORMAT = "fvstudio-render-cache-index";
    private static final int VERSION = 1;

    private CacheIndexFile() {
    }

    /** The index in {@code file}; empty when there is none. */
    static SortedMap<Integer, CacheKey> read(Path file) throws IOException {
        SortedMap<Integer, CacheKey> index = new TreeMap<>();
        if (!Files.exists(file)) {
            return index;
        }
        JsonNode json = JsonFiles.readTree(file, file.toString(), InputLimits.CACHE_JSON_MAX_BYTES, "a render cache index");
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new IOException("not a render cache index");
        }
        if (json.path("version").asInt() != VERSION) {
            throw new IOException("unknown version " + json.path("version"));
        }
        var fields = json.path("frames").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            try {
                index.put(Integer.parseInt(field.getKey()), new CacheKey(field.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw new IOException("frame '" + field.getKey() + "' -> '" + field.getValue().asText()
                        + "' is not a frame number and a key");
            }
        }
        return index;
    }

    /** Writes {@code index} to a temporary in {@code staging}, then renames it onto {@code file}. */
    static void write(Map<Integer, CacheKey> index, Path file, Path staging) throws IOException {
        ObjectNode json = JsonObjects.MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        ObjectNode frames = json.putObject("frames");
        new TreeMap<>(index).forEach((frame, key) -> frames.put(Integer.toString(frame), key.hex()));
        Path temp = TemporaryFiles.createFile(staging, "index.", ".json");
        try {
            Files.write(temp, JsonObjects.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            CacheTrees.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
