package org.fvstudio.cache;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fvstudio.export.Images;
import org.fvstudio.pose.render.RgbImage;

/**
 * One generated frame as the cache keeps it. The image is not copied: do not modify it after handing it over.
 *
 * @param image           the generated picture
 * @param references      per reference: correlation map and share, in the pipeline's reference order
 * @param selections      the tokens kept in each feature bank
 * @param settingsJson    the generation settings that made it, a JSON object ("use these settings");
 *                        kept in compact form (no insignificant white space)
 * @param statsJson       timings and other per-frame statistics, a JSON object, compact as above
 */
public record RenderedFrame(RgbImage image, List<ReferenceResult> references, List<TokenSelection> selections,
                            String settingsJson, String statsJson) {

    public RenderedFrame {
        if (image == null) {
            throw new IllegalArgumentException("a rendered frame needs an image");
        }
        references = List.copyOf(references);
        Set<String> ids = new HashSet<>();
        for (ReferenceResult reference : references) {
            if (!ids.add(reference.referenceId())) {
                throw new IllegalArgumentException("reference '" + reference.referenceId() + "' appears twice");
            }
        }
        selections = selections == null ? List.of() : List.copyOf(selections);
        settingsJson = JsonObjects.compact("settings", settingsJson);
        statsJson = JsonObjects.compact("stats", statsJson);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFrame other && Images.samePixels(image, other.image) && references.equals(other.references)
                && selections.equals(other.selections)
                && settingsJson.equals(other.settingsJson) && statsJson.equals(other.statsJson);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(image.packedPixels()) * 31 + selections.hashCode();
    }
}
