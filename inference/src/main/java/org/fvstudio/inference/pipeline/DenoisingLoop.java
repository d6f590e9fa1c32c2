package org.fvstudio.inference.pipeline;

import ai.onnxruntime.OnnxTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.scheduler.SchedulerRun;
import org.fvstudio.inference.selection.BankSelection;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.pose.render.RgbImage;

/**
 * The denoising steps for a run of consecutive frames (docs/model-pack.md sections 4 to 6). Frames are grouped
 * into context windows ({@code context.frames} along the batch axis; one window of one frame for frame-independent
 * packs); at each step every window is predicted (twice with guidance), overlapping windows are blended with
 * triangular weights, then the scheduler step runs per frame. Inputs that are constant over the steps (pose
 * conditioning, fused tokens and weights) are written into native tensors once; only the sample and the timestep
 * are rewritten each step, and the prediction is written by ONNX Runtime into a pinned tensor.
 */
final class DenoisingLoop {

    /** What conditions one frame: its pose input ([1, ...]) and its selected tokens per bank (empty: no references). */
    record FrameInputs(String poseInputName, TensorIn poseInput, List<BankSelection> selections) {
    }

    /**
     * Sees the (guided, blended) model output of every frame at every step; for parity checks and diagnostics. The
     * arrays are reused from step to step: copy what must outlive the call.
     */
    interface PredictionTap {
        PredictionTap NONE = (step, predictions) -> { };

        void onPrediction(int step, float[][] predictions);
    }

    private final ModelSession denoiser;
    private final GraphCalls calls;
    private final PackManifest.LatentSpec latent;
    private final List<BankSpec> banks;
    private final int windowSize;
    private final int overlap;
    private final NativeFeed.Buffers buffers = new NativeFeed.Buffers();

    DenoisingLoop(ModelSession denoiser, GraphCalls calls, PackManifest manifest) {
        this.denoiser = denoiser;
        this.calls = calls;
        this.latent = manifest.latent();
        this.banks = manifest.banks();
        this.windowSize = Math.max(1, manifest.context().frames());
        this.overlap = manifest.context().frames() > 1 ? manifest.context().overlap() : 0;
    }

    /**
     * Denoises {@code noise} (one latent per frame, not modified) and returns the final latents. The previews the
     * observer is offered read arrays the next step overwrites: they are valid during the {@code onStep} call.
     *
     * @param preview decodes a latent for the preview of the first frame
     */
    float[][] run(SchedulerRun run, float[][] noise, List<FrameInputs> frames, double guidance, StepObserver observer,
            Function<float[], RgbImage> preview, PredictionTap tap) throws GenerationException {
        int n = frames.size();
        int size = Math.min(windowSize, n);
        List<Integer> starts = ContextWindows.starts(n, size, Math.min(overlap, size - 1));
        boolean guided = guidance != 1.0;
        float g = (float) guidance;
        int[] timesteps = run.timesteps();
        int latentSize = latent.size();
        long[] sampleShape = {size, latent.channels(), latent.height(), latent.width()};
        // the samples before and after a step: two arrays per frame, swapped after every step
        float[][] x = new float[n][];
        float[][] next = new float[n][latentSize];
        for (int f = 0; f < n; f++) {
            x[f] = noise[f].clone();
        }
        try (NativeFeed feed = new NativeFeed(denoiser.environment(), buffers)) {
            List<Map<String, OnnxTensor>> conditional = new ArrayList<>();
            List<Map<String, OnnxTensor>> unconditional = new ArrayList<>();
            for (int w = 0; w < starts.size(); w++) {
                List<FrameInputs> window = frames.subList(starts.get(w), starts.get(w) + size);
                conditional.add(windowInputs(feed, "w" + w + ":", window, false));
                unconditional.add(guided ? windowInputs(feed, "w" + w + ":uncond:", window, true) : Map.of());
            }
            Map<String, OnnxTensor> out = Map.of("prediction", feed.output("prediction", sampleShape));
            Map<String, OnnxTensor> uncondOut = Map.of("prediction", feed.output("uncond:prediction", sampleShape));
            float[][] predictionOfWindow = new float[starts.size()][size * latentSize];
            float[] uncond = new float[size * latentSize];
            float[] t = new float[size];
            float[] x0 = x[0];
            observer.onStep(0, timesteps.length, () -> preview.apply(x0));
            for (int i = 0; i < timesteps.length; i++) {
                java.util.Arrays.fill(t, timesteps[i]);
                OnnxTensor timestep = feed.put("timestep", t, size);
                List<float[][]> windowPredictions = new ArrayList<>();
                for (int w = 0; w < starts.size(); w++) {
                    int start = starts.get(w);
                    OnnxTensor sample = feed.putAll("sample", java.util.Arrays.asList(x).subList(start, start + size),
                            sampleShape);
                    Map<String, OnnxTensor> cond = conditional.get(w);
                    cond.put("sample", sample);
                    cond.put("timestep", timestep);
                    calls.runInPlace(denoiser, PackManifest.DENOISER, cond, out);
                    float[] prediction = feed.read("prediction", predictionOfWindow[w]);
                    GraphCalls.requireFinite(PackManifest.DENOISER, "prediction", prediction, denoiser);
                    if (guided) {
                        Map<String, OnnxTensor> unc = unconditional.get(w);
                        unc.put("sample", sample);
                        unc.put("timestep", timestep);
                        calls.runInPlace(denoiser, PackManifest.DENOISER, unc, uncondOut);
                        feed.read("uncond:prediction", uncond);
                        GraphCalls.requireFinite(PackManifest.DENOISER, "prediction", uncond, denoiser);
                        for (int j = 0; j < prediction.length; j++) {
                            prediction[j] = uncond[j] + g * (prediction[j] - uncond[j]);
                        }
                    }
                    float[][] perFrame = new float[size][];
                    if (size == 1) {
                        perFrame[0] = prediction;
                    } else {
                        for (int j = 0; j < size; j++) {
                            perFrame[j] = java.util.Arrays.copyOfRange(prediction, j * latentSize, (j + 1) * latentSize);
                        }
                    }
                    windowPredictions.add(perFrame);
                }
                float[][] predictions = starts.size() == 1 ? windowPredictions.get(0)
                        : ContextWindows.blend(n, size, starts, windowPredictions);
                tap.onPrediction(i, predictions);
                for (int f = 0; f < n; f++) {
                    run.step(i, predictions[f], x[f], next[f]);
                }
                float[][] before = x;
                x = next;
                next = before;
                int stepIndex = i;
                float[] firstPrediction = predictions[0];
                float[] firstBefore = before[0];
                observer.onStep(i + 1, timesteps.length,
                        () -> preview.apply(run.predictOriginal(stepIndex, firstPrediction, firstBefore)));
            }
            return x;
        }
    }

    /** The per-window constant inputs: pose conditioning and tokens of every frame stacked along B. */
    private Map<String, OnnxTensor> windowInputs(NativeFeed feed, String key, List<FrameInputs> window, boolean zeroTokens)
            throws GenerationException {
        Map<String, OnnxTensor> in = new HashMap<>();
        FrameInputs first = window.get(0);
        long[] poseShape = first.poseInput().shape().clone();
        poseShape[0] = window.size();
        in.put(first.poseInputName(), feed.putAll(key + first.poseInputName(),
                window.stream().map(f -> f.poseInput().data()).toList(), poseShape));
        for (int b = 0; b < banks.size(); b++) {
            BankSpec bank = banks.get(b);
            int k;
            List<float[]> tokens = new ArrayList<>();
            List<float[]> weights = new ArrayList<>();
            if (first.selections().isEmpty()) {
                // no reference_net: K = 1 with weight 0 (ONNX shapes cannot be empty)
                k = 1;
                for (int j = 0; j < window.size(); j++) {
                    tokens.add(new float[bank.channels()]);
                    weights.add(new float[1]);
                }
            } else {
                k = first.selections().get(b).k();
                for (FrameInputs f : window) {
                    BankSelection s = f.selections().get(b);
                    tokens.add(zeroTokens ? new float[s.tokens().length] : s.tokens());
                    weights.add(zeroTokens ? new float[s.k()] : s.weights());
                }
            }
            in.put("tokens_" + bank.name(), feed.putAll(key + "tokens_" + bank.name(), tokens,
                    window.size(), k, bank.channels()));
            in.put("weights_" + bank.name(), feed.putAll(key + "weights_" + bank.name(), weights, window.size(), k));
        }
        return in;
    }
}
