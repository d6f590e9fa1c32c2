package org.fvstudio.ui.generation;

import java.util.List;
import java.util.Optional;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.cache.TokenSelection;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.ui.generation.pictures.FramePicture;

/**
 * One generated frame as the studio shows it: the picture, each used reference's correlation map and share,
 * the selected tokens of every bank, the settings that made it ("use these settings") and the cache key of its inputs.
 * The picture's full-size pixels may live in the render cache rather than in memory ({@link FramePicture}).
 *
 * @param device the device the denoiser actually ran on (e.g. "CPU")
 */
public record GeneratedFrame(int frame, FramePicture picture, List<ReferenceResult> references,
                             List<TokenSelection> selections, GenerationSettings settings, CacheKey key, String device,
                             double seconds) {

    public GeneratedFrame {
        references = List.copyOf(references);
        selections = List.copyOf(selections);
    }

    /** A frame whose picture stays in memory. */
    public GeneratedFrame(int frame, RgbImage image, List<ReferenceResult> references, List<TokenSelection> selections,
                          GenerationSettings settings, CacheKey key, String device, double seconds) {
        this(frame, FramePicture.kept(image), references, selections, settings, key, device, seconds);
    }

    /**
     * The full-size picture, read again from the render cache if it was dropped from memory: a background
     * thread's call (the FX thread uses {@link FramePicture#resident()}).
     */
    public RgbImage image() {
        return picture.full();
    }

    public GeneratedFrame withPicture(FramePicture other) {
        return new GeneratedFrame(frame, other, references, selections, settings, key, device, seconds);
    }

    /** The tokens kept in the first (finest) bank, which the heatmap panel shows. */
    public TokenMask mask() {
        if (selections.isEmpty()) {
            return TokenMask.NONE;
        }
        TokenSelection first = selections.get(0);
        return new TokenMask(first.bank(), first.gridHeight(), first.gridWidth(), first.indices());
    }

    public Optional<ReferenceResult> reference(String referenceId) {
        return references.stream().filter(r -> r.referenceId().equals(referenceId)).findFirst();
    }

    public int indexOf(String referenceId) {
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).referenceId().equals(referenceId)) {
                return i;
            }
        }
        return -1;
    }
}
