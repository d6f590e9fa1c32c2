package org.fvstudio.inference.pipeline;

import java.util.Map;

/** What the reference stage computes once per reference: its pose map and one feature slice per bank. */
public record ReferenceFeatures(String referenceId, float[] poseMap, Map<String, float[]> banks) {

    public ReferenceFeatures {
        banks = Map.copyOf(banks);
    }
}
