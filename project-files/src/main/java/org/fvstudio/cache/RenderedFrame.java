package org.fvstudio.cache;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fvstudio.export.RgbImage;

/**
 * One generated frame as the cache keeps it.
 *
 * @param image           the generated picture
 * @param references      per reference: correlation map and share, in the pipeline's reference order
 * @param selectedIndices the selected token indices (over all references' tokens), as the pipeline reports them
 * @param settingsJson    the generation settings that made it, a JSON object ("use these settings");
 *                        kept in compact form (no insignificant white space)
 * @param statsJson       timings and other per-frame statistics, a JSON object, compact as above
 */
public record RenderedFrame(RgbImage image, List<ReferenceResult> references, int[] selectedIndices,
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
        selectedIndices = selectedIndices == null ? new int[0] : selectedIndices.clone();
        settingsJson = JsonObjects.compact("settings", settingsJson);
        statsJson = JsonObjects.compact("stats", statsJson);
    }

    @Override
    public int[] selectedIndices() {
        return selectedIndices.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedFrame other && image.equals(other.image) && references.equals(other.references)
                && java.util.Arrays.equals(selectedIndices, other.selectedIndices)
                && settingsJson.equals(other.settingsJson) && statsJson.equals(other.statsJson);
    }

    @Override
    public int hashCode() {
        return image.hashCode() * 31 + java.util.Arrays.hashCode(selectedIndices);
    }
}
