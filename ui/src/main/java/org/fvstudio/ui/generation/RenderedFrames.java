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
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.RgbImage;
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
        var source = result.image();
        RgbImage image = RgbImage.of(source.width(), source.height(), source.packedPixels());
        CorrelationMaps maps = result.correlation();
        List<ReferenceResult> references = new ArrayList<>();
        for (int i = 0; i < maps.referenceIds().size(); i++) {
            double share = i < result.shares().length ? result.shares()[i] : 0;
            references.add(new ReferenceResult(maps.referenceIds().get(i),
                    FloatMap.of(maps.width(), maps.height(), maps.of(i)), Math.max(0, Math.min(1, share))));
        }
        TokenMask mask = TokenMask.NONE;
        if (!result.selections().isEmpty()) {
            TokenChoice first = result.selections().get(0);
            mask = new TokenMask(first.bank(), first.gridH(), first.gridW(), first.indices());
        }
        return new GeneratedFrame(result.frame(), image, references, mask, settings, key, device,
                result.timings().totalSeconds());
    }

    public static RenderedFrame toCache(GeneratedFrame frame) {
        ObjectNode stats = JSON.createObjectNode();
        stats.put("bank", frame.mask().bank()).put("grid_h", frame.mask().gridH()).put("grid_w", frame.mask().gridW())
                .put("device", frame.device()).put("seconds", frame.seconds());
        return new RenderedFrame(frame.image(), frame.references(), frame.mask().indices(),
                SettingsJson.write(frame.settings()), stats.toString());
    }

    /** @throws IOException when the stored settings or statistics cannot be read back */
    public static GeneratedFrame fromCache(int frame, CacheKey key, RenderedFrame stored) throws IOException {
        JsonNode stats = JSON.readTree(stored.statsJson());
        TokenMask mask = new TokenMask(stats.path("bank").asText(""), Math.max(1, stats.path("grid_h").asInt(1)),
                Math.max(1, stats.path("grid_w").asInt(1)), stored.selectedIndices());
        return new GeneratedFrame(frame, stored.image(), stored.references(), mask, SettingsJson.read(stored.settingsJson()),
                key, stats.path("device").asText("unknown"), stats.path("seconds").asDouble());
    }
}
