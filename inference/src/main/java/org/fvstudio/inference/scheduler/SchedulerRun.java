package org.fvstudio.inference.scheduler;

/** One sampling run: the timesteps to feed the denoiser and the update x_t -> x_prev. */
public interface SchedulerRun {

    /** Descending timesteps, one per step. */
    int[] timesteps();

    default int steps() {
        return timesteps().length;
    }

    /** The scale of the initial noise (1 for variance-preserving samplers). */
    default double initNoiseSigma() {
        return 1.0;
    }

    /** The sample for the next step, from the model output at step {@code index}. Inputs are not modified. */
    float[] step(int index, float[] modelOutput, float[] sample);

    /**
     * {@link #step(int, float[], float[])} written into {@code next}, an array of the sample's length distinct from
     * both inputs; samplers that can override it so that a step allocates nothing.
     */
    default void step(int index, float[] modelOutput, float[] sample, float[] next) {
        float[] result = step(index, modelOutput, sample);
        System.arraycopy(result, 0, next, 0, next.length);
    }

    /** The clean sample the model output implies at step {@code index} (for previews). */
    float[] predictOriginal(int index, float[] modelOutput, float[] sample);
}
