package org.fvstudio.ui.generation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.cache.RenderedFrame;
import org.fvstudio.cache.TokenSelection;
import org.fvstudio.export.FloatMap;
import org.fvstudio.inference.job.CorrelationMaps;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.project.GenerationSettings;

/** Converts between the pipeline's frame results, the render cache's entries and the studio's frames. */
public final class RenderedFrames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderedFrames() {
    }

    public static GeneratedFrame fromPipeline(FrameResult result, GenerationSettings settings, CacheKey key, String device) {
        CorrelationMaps maps = result.correlation();
        List<ReferenceResult> references = new ArrayList<>();
        for (int i = 0; i < maps.referenceIds().size(); i++) {
            double share = i < result.shares().length ? result.shares()[i] : 0;
            references.add(new ReferenceResult(maps.referenceIds().get(i),
                    FloatMap.of(maps.width(), maps.height(), maps.of(i)), Math.max(0, Math.min(1, share))));
        }
        List<TokenSelection> selections = new ArrayList<>();
        for (TokenChoice choice : result.selections()) {
            selections.add(new TokenSelection(choice.bank(), choice.gridH(), choice.gridW(), choice.indices(), choice.scores()));
        }
        return new GeneratedFrame(result.frame(), result.image(), references, selections, settings, key, device,
                result.timings().totalSeconds());
    }

    public static RenderedFrame toCache(GeneratedFrame frame) {
        ObjectNode stats = JSON.createObjectNode();
        stats.put("device", frame.device()).put("seconds", frame.seconds());
        return new RenderedFrame(frame.picture().full(), frame.references(), frame.selections(),
                SettingsJson.write(frame.settings()), stats.toString());
    }

    /** @throws IOException when the stored settings or statistics cannot be read back */
    public static GeneratedFrame fromCache(int frame, CacheKey key, RenderedFrame stored) throws IOException {
        JsonNode stats = JSON.readTree(stored.statsJson());
        return new GeneratedFrame(frame, stored.image(), stored.references(), stored.selections(),
                SettingsJson.read(stored.settingsJson()),
                key, stats.path("device").asText("unknown"), stats.path("seconds").asDouble());
    }
}
