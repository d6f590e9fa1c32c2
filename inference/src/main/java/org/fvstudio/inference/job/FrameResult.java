package org.fvstudio.inference.job;

import java.util.List;
import org.fvstudio.pose.render.RgbImage;

/**
 * Everything one generated frame offers the studio: the picture (canvas size), the correlation map of every
 * reference, the chosen tokens per bank, each reference's share (first bank) and the stage timings.
 */
public record FrameResult(int frame, RgbImage image, CorrelationMaps correlation, List<TokenChoice> selections,
                          double[] shares, StageTimings timings) {

    public FrameResult {
        selections = List.copyOf(selections);
    }
}
