package org.fvstudio.ui.generation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.input.JsonFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.fvstudio.project.GenerationSettings;

/** Generation settings as the JSON object stored with each cached result (the project.json spelling). */
public final class SettingsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsJson() {
    }

    public static String write(GenerationSettings s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("pack", s.packId()).put("device", s.device()).put("steps", s.steps()).put("guidance", s.guidance())
                .put("seed", s.seed()).put("token_budget", s.tokenBudget());
        s.referencesUsed().forEach(node.putArray("references_used")::add);
        return node.toString();
    }

    /** @throws IOException when the text is not a complete, valid settings object */
    public static GenerationSettings read(String json) throws IOException {
        JsonNode node = JsonFiles.parse(json, "stored settings");
        if (node == null || !node.isObject()) {
            throw new IOException("stored settings are not a JSON object");
        }
        for (String field : List.of("pack", "device", "steps", "guidance", "seed", "token_budget")) {
            if (!node.hasNonNull(field)) {
                throw new IOException("stored settings lack '" + field + "'");
            }
        }
        List<String> used = new ArrayList<>();
        node.path("references_used").forEach(n -> used.add(n.asText()));
        try {
            return new GenerationSettings(node.get("pack").asText(), node.get("device").asText(), node.get("steps").asInt(),
                    node.get("guidance").asDouble(), node.get("seed").asLong(), node.get("token_budget").asInt(), used);
        } catch (IllegalArgumentException e) {
            throw new IOException("stored settings are invalid: " + e.getMessage(), e);
        }
    }
}
