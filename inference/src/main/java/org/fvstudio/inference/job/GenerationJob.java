package org.fvstudio.inference.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fvstudio.inference.runtime.CancellationToken;

/**
 * A UI-free generation job over a list of project frames. {@link #run()} blocks the calling thread (a
 * background executor), reports progress, previews and finished frames through the listener, stops within
 * one denoising step of {@link #cancel()}, and returns failures as values. Finished frames are handed to the
 * listener and not kept, so memory does not grow with the number of frames.
 */
public final class GenerationJob {

    private final FrameGenerator generator;
    private final List<Integer> frames;
    private final GenerationListener listener;
    private final int previewEvery;
    private final CancellationToken cancellation = new CancellationToken();

    /** @param previewEvery send a preview every N steps (0 = never) */
    public GenerationJob(FrameGenerator generator, List<Integer> frames, GenerationListener listener, int previewEvery) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a generation job needs at least one frame");
        }
        if (previewEvery < 0) {
            throw new IllegalArgumentException("preview interval must be >= 0, got " + previewEvery);
        }
        this.generator = generator;
        this.frames = List.copyOf(frames);
        this.listener = listener == null ? GenerationListener.NONE : listener;
        this.previewEvery = previewEvery;
    }

    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    private void throwIfCancelled() throws GenerationException {
        if (cancellation.isCancelled()) {
            throw new GenerationException(GenerationError.Kind.CANCELLED, "generation cancelled");
        }
    }

    public List<Integer> frames() {
        return frames;
    }

    public Result<JobSummary> run() {
        long start = System.nanoTime();
        int steps = generator.steps();
        long totalSteps = (long) frames.size() * steps;
        int done = 0;
        int segment = Math.max(1, generator.segmentLength());
        for (int index = 0; index < frames.size(); index += segment) {
            List<Integer> part = frames.subList(index, Math.min(frames.size(), index + segment));
            int frame = part.get(0);
            int frameIndex = index;
            int partSize = part.size();
            long stepsBefore = (long) index * steps;
            StepObserver observer = (stepsDone, stepCount, preview) -> {
                throwIfCancelled();
                long elapsed = System.nanoTime() - start;
                long completed = stepsBefore + (long) stepsDone * partSize;
                Optional<Duration> eta = completed == 0 ? Optional.empty()
                        : Optional.of(Duration.ofNanos((long) ((double) elapsed / completed * (totalSteps - completed))));
                listener.onProgress(new ProgressEvent(frame, frameIndex, frames.size(), stepsDone, stepCount,
                        (double) completed / totalSteps, Duration.ofNanos(elapsed), eta));
                if (previewEvery > 0 && stepsDone > 0 && stepsDone < stepCount && stepsDone % previewEvery == 0) {
                    listener.onPreview(frame, stepsDone, preview.get());
                }
            };
            try {
                throwIfCancelled();
                List<FrameResult> results = partSize == 1 ? List.of(generator.generate(frame, observer))
                        : generator.generateSegment(part, observer);
                for (FrameResult result : results) {
                    listener.onFrame(result);
                    done++;
                }
            } catch (GenerationException e) {
                if (e.kind() == GenerationError.Kind.CANCELLED) {
                    return Result.ok(new JobSummary(frames.size(), done, true, Duration.ofNanos(System.nanoTime() - start)));
                }
                return Result.err(new GenerationError(e.kind(), "frame " + frame + ": " + e.getMessage(), e));
            } catch (RuntimeException e) {
                return Result.err(new GenerationError(GenerationError.Kind.RUNTIME,
                        "frame " + frame + ": unexpected failure: " + e, e));
            } catch (OutOfMemoryError e) {
                // What this frame held is unreachable once we return, so the caller can go on.
                return Result.err(new GenerationError(GenerationError.Kind.RUNTIME, "frame " + frame + ": "
                        + OutOfMemory.describe() + "; " + done + " frame(s) were finished before it", e));
            }
        }
        return Result.ok(new JobSummary(frames.size(), done, false, Duration.ofNanos(System.nanoTime() - start)));
    }
}
