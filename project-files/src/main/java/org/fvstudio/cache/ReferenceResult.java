package org.fvstudio.cache;

import org.fvstudio.export.FloatMap;

/**
 * What one reference contributed to a frame.
 *
 * @param referenceId the reference shot's id
 * @param correlation its correlation map for the frame
 * @param share       its share of the selected tokens, in [0, 1]
 */
public record ReferenceResult(String referenceId, FloatMap correlation, double share) {

    public ReferenceResult {
        if (referenceId == null || referenceId.isBlank()) {
            throw new IllegalArgumentException("reference id must not be blank");
        }
        if (correlation == null) {
            throw new IllegalArgumentException("reference '" + referenceId + "' has no correlation map");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share of reference '" + referenceId + "' must be in [0, 1], got " + share);
        }
    }
}
