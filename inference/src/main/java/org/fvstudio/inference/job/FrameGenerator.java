package org.fvstudio.inference.job;

/** Generates one project frame; the pipeline implements it, the job drives it. */
public interface FrameGenerator {

    int steps();

    FrameResult generate(int frame, StepObserver observer) throws GenerationException;
}
