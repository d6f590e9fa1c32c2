package org.fvstudio.inference.job;

import java.util.function.Supplier;
import org.fvstudio.pose.render.RgbImage;

/** What the pipeline tells the job after each denoising step; throws to stop the frame when cancelled. */
public interface StepObserver {

    /**
     * Called before the first step and after each one ({@code stepsDone} = 0..steps). {@code preview} reads the
     * pipeline's working arrays, which the next step overwrites: get it during the call, not later.
     */
    void onStep(int stepsDone, int steps, Supplier<RgbImage> preview) throws GenerationException;
}
