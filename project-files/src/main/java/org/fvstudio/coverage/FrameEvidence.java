package org.fvstudio.coverage;

import java.util.List;
import java.util.Optional;

import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.cache.TokenSelection;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * What a generated frame adds to the skeletons: who fed what (the first, finest bank's tokens, the one the heatmap
 * panel shows) and the best correlation any reference reached.
 */
public record FrameEvidence(int frame, FeedMatrix feed, double peakCorrelation) {

    /** Empty when the frame has no maps or no tokens. */
    public static Optional<FrameEvidence> of(int frame, List<ReferenceResult> references, List<TokenSelection> selections,
                                             Project project) {
        if (references.isEmpty() || selections.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = references.stream().map(ReferenceResult::referenceId).toList();
        // A reference removed since keeps its tokens, counted as background: its skeleton is gone.
        List<Pose> poses = ids.stream().map(id -> project.reference(id).map(ReferenceShot::pose)
                .orElse(Pose.empty(1, 1))).toList();
        FeedMatrix feed = FeedMatrix.of(selections.get(0), ids, poses);
        double peak = references.stream().mapToDouble(r -> r.correlation().max()).max().orElse(Double.NaN);
        return Optional.of(new FrameEvidence(frame, feed, peak));
    }
}
