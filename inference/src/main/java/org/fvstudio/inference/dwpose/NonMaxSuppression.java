package org.fvstudio.inference.dwpose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression, class-agnostic (as the YOLOX post-processing DWPose uses). */
public final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    /** Keeps the best-scoring detections, dropping any whose IoU with a kept one exceeds {@code iouThreshold}. */
    public static List<Detection> apply(List<Detection> detections, double iouThreshold) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.box().iou(candidate.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
