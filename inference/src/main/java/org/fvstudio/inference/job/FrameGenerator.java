package org.fvstudio.inference.job;

import java.util.ArrayList;
import java.util.List;

/** Generates project frames; the pipeline implements it, the job drives it. */
public interface FrameGenerator {

    int steps();

    FrameResult generate(int frame, StepObserver observer) throws GenerationException;

    /**
     * How many consecutive frames of a job are generated together (a temporal pack denoises overlapping context
     * windows jointly); 1 = frame by frame.
     */
    default int segmentLength() {
        return 1;
    }

    /** Generates {@code frames} together, one result per frame in the same order; the observer sees the steps once. */
    default List<FrameResult> generateSegment(List<Integer> frames, StepObserver observer) throws GenerationException {
        List<FrameResult> out = new ArrayList<>();
        for (int f : frames) {
            out.add(generate(f, observer));
        }
        return out;
    }
}
