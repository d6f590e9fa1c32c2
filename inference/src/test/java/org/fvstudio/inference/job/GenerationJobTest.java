package org.fvstudio.inference.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.fvstudio.inference.image.ImageTensors;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.inference.scheduler.DdimScheduler;
import org.fvstudio.inference.scheduler.PredictionType;
import org.fvstudio.inference.scheduler.SchedulerConfig;
import org.fvstudio.inference.scheduler.SchedulerRun;
import org.fvstudio.inference.scheduler.TimestepSpacing;
import org.junit.jupiter.api.Test;

class GenerationJobTest {

    /**
     * A real (tiny) diffusion sampler: data is a fixed 8x8 grey ramp, the model is its exact x0 predictor,
     * DDIM runs the steps. It lets the job be tested without a model pack.
     */
    private static final class RampGenerator implements FrameGenerator {
        final int steps;
        int failOnFrame = -1;
        int runOutOfMemoryOnFrame = -1;

        RampGenerator(int steps) {
            this.steps = steps;
        }

        @Override
        public int steps() {
            return steps;
        }

        @Override
        public FrameResult generate(int frame, StepObserver observer) throws GenerationException {
            if (frame == failOnFrame) {
                throw new GenerationException(GenerationError.Kind.NUMERIC, "denoiser output has NaN at step 1");
            }
            if (frame == runOutOfMemoryOnFrame) {
                // A real OutOfMemoryError from the JVM, as a 20000x20000 picture would raise, without filling the heap.
                long[] tooLarge = new long[Integer.MAX_VALUE];
                tooLarge[0] = frame;
            }
            SchedulerRun run = new DdimScheduler(SchedulerConfig.stableDiffusion(PredictionType.SAMPLE, TimestepSpacing.TRAILING, true)).start(steps);
            float[] target = new float[3 * 64];
            for (int i = 0; i < target.length; i++) {
                target[i] = (i % 64) / 32f - 1;
            }
            float[] x = GaussianNoise.forFrame(1, frame, true, target.length);
            observer.onStep(0, steps, () -> ImageTensors.fromSignedUnit(target, 0, 8, 8));
            for (int s = 0; s < steps; s++) {
                float[] current = x;
                x = run.step(s, target, x);
                observer.onStep(s + 1, steps, () -> ImageTensors.fromSignedUnit(current, 0, 8, 8));
            }
            return new FrameResult(frame, ImageTensors.fromSignedUnit(x, 0, 8, 8), null, List.of(), new double[0],
                    new StageTimings(0, 0, 0, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void reportsProgressPreviewsAndFramesInOrder() {
        List<ProgressEvent> events = new ArrayList<>();
        List<Integer> previewSteps = new ArrayList<>();
        List<FrameResult> results = new ArrayList<>();
        GenerationJob job = new GenerationJob(new RampGenerator(4), List.of(10, 11, 12), new GenerationListener() {
            @Override
            public void onProgress(ProgressEvent e) {
                events.add(e);
            }

            @Override
            public void onPreview(int frame, int step, RgbImage preview) {
                previewSteps.add(step);
            }

            @Override
            public void onFrame(FrameResult r) {
                results.add(r);
            }
        }, 2);
        Result<JobSummary> outcome = job.run();
        assertThat(outcome.isOk()).isTrue();
        assertThat(outcome.orElseThrow().framesDone()).isEqualTo(3);
        assertThat(outcome.orElseThrow().cancelled()).isFalse();
        assertThat(results).extracting(FrameResult::frame).containsExactly(10, 11, 12);
        // the exact x0 predictor lands on the ramp: pixel x of row 0 = round(((x / 32) - 1 + 1) * 127.5)
        assertThat(results.get(0).image().red(7, 0)).isEqualTo((int) Math.floor(7 / 32.0 * 127.5 + 0.5));
        assertThat(events).hasSize(3 * 5);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).fraction()).isGreaterThanOrEqualTo(events.get(i - 1).fraction());
        }
        assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(events.get(0).eta()).isEmpty();
        assertThat(events.get(1).eta()).isPresent();
        assertThat(events.get(6).frame()).isEqualTo(11);
        assertThat(events.get(6).step()).isEqualTo(1);
        assertThat(previewSteps).containsExactly(2, 2, 2);
    }

    @Test
    void cancellationStopsWithinOneStepAndKeepsFinishedFrames() {
        AtomicInteger stepsAfterCancel = new AtomicInteger();
        List<Integer> finished = new ArrayList<>();
        GenerationJob[] holder = new GenerationJob[1];
        holder[0] = new GenerationJob(new RampGenerator(6), List.of(0, 1, 2, 3), new GenerationListener() {
            @Override
            public void onProgress(ProgressEvent e) {
                if (holder[0].isCancelled()) {
                    stepsAfterCancel.incrementAndGet();
                }
                if (e.frameIndex() == 1 && e.step() == 2) {
                    holder[0].cancel();
                }
            }

            @Override
            public void onFrame(FrameResult r) {
                finished.add(r.frame());
            }
        }, 0);
        Result<JobSummary> outcome = holder[0].run();
        assertThat(outcome.isOk()).isTrue();
        assertThat(outcome.orElseThrow().cancelled()).isTrue();
        assertThat(outcome.orElseThrow().framesDone()).isEqualTo(1);
        assertThat(finished).containsExactly(0);
        assertThat(stepsAfterCancel.get()).isZero();
    }

    @Test
    void failuresComeBackAsValuesNamingTheFrame() {
        RampGenerator generator = new RampGenerator(3);
        generator.failOnFrame = 2;
        List<Integer> finished = new ArrayList<>();
        Result<JobSummary> outcome = new GenerationJob(generator, List.of(1, 2, 3), new GenerationListener() {
            @Override
            public void onFrame(FrameResult r) {
                finished.add(r.frame());
            }
        }, 0).run();
        assertThat(outcome).isInstanceOf(Result.Err.class);
        GenerationError error = ((Result.Err<JobSummary>) outcome).error();
        assertThat(error.kind()).isEqualTo(GenerationError.Kind.NUMERIC);
        assertThat(error.message()).isEqualTo("frame 2: denoiser output has NaN at step 1");
        assertThat(finished).containsExactly(1);
    }

    @Test
    void runningOutOfMemoryEndsTheJobWithAMessageAndKeepsTheFramesBefore() {
        RampGenerator generator = new RampGenerator(3);
        generator.runOutOfMemoryOnFrame = 2;
        List<Integer> finished = new ArrayList<>();
        Result<JobSummary> outcome = new GenerationJob(generator, List.of(1, 2, 3), new GenerationListener() {
            @Override
            public void onFrame(FrameResult r) {
                finished.add(r.frame());
            }
        }, 0).run();

        assertThat(outcome).isInstanceOf(Result.Err.class);
        GenerationError error = ((Result.Err<JobSummary>) outcome).error();
        assertThat(error.kind()).isEqualTo(GenerationError.Kind.RUNTIME);
        assertThat(error.message()).matches("frame 2: ran out of memory \\(the Java heap of \\d+ MB is full\\); "
                + "1 frame\\(s\\) were finished before it");
        assertThat(error.cause()).isInstanceOf(OutOfMemoryError.class);
        assertThat(finished).containsExactly(1);
        // The job's thread goes on: the next job on it runs normally.
        assertThat(new GenerationJob(new RampGenerator(2), List.of(5), new GenerationListener() { }, 0).run().isOk()).isTrue();
    }
}
