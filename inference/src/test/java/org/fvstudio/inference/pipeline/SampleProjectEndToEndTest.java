package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.JobSummary;
import org.fvstudio.inference.job.Result;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.PoseMask;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample project through the bundled pack on CPU: 4 frames, 4 steps. Besides sizes and finite values,
 * the correlation maps must point at the body: each reference's map, as a distribution over its cells (softmax of
 * the PCM logits), puts more of its mass on that reference's rendered skeleton than a uniform map does.
 */
class SampleProjectEndToEndTest {

    private static final Path SAMPLE = Path.of("..", "assets", "sample", "Sample.fvs");
    private static final Path PACK = Path.of("..", "assets", "packs", "fvs-tiny");

    private static Project project;
    private static final List<FrameResult> FRAMES = new ArrayList<>();

    @BeforeAll
    static void generateFourFrames() throws Exception {
        ProjectBundle bundle = ProjectBundle.open(SAMPLE);
        project = bundle.project();
        ReferenceImages images = shot -> {
            try {
                return PngImages.read(bundle.referenceImage(shot.imageFile()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        try (ModelPack pack = ModelPack.open(PACK, SessionSettings.defaults().withDevice(DevicePreference.CPU))) {
            assertThat(pack.session("denoiser").orElseThrow().device()).isEqualTo(ExecutionDevice.CPU);
            GenerationPipeline pipeline = new GenerationPipeline(pack, project, images,
                    GenerationOptions.from(project.generation()).withSteps(4));
            Result<JobSummary> outcome = new GenerationJob(pipeline, List.of(0, 1, 2, 3), new GenerationListener() {
                @Override
                public void onFrame(FrameResult r) {
                    FRAMES.add(r);
                }
            }, 0).run();
            assertThat(outcome.isOk()).as(outcome.toString()).isTrue();
        }
    }

    @Test
    void fourCanvasSizedFramesWithFiniteMapsAndSelections() {
        List<ReferenceShot> refs = project.enabledReferences();
        assertThat(FRAMES).extracting(FrameResult::frame).containsExactly(0, 1, 2, 3);
        for (FrameResult f : FRAMES) {
            assertThat(f.image().width()).isEqualTo(project.canvasWidth());
            assertThat(f.image().height()).isEqualTo(project.canvasHeight());
            assertThat(distinctColours(f.image().packedPixels())).as("frame %d is a picture, not a flat fill", f.frame())
                    .isGreaterThan(100);
            assertThat(f.correlation().referenceIds()).hasSize(refs.size());
            for (TokenChoice c : f.selections()) {
                assertThat(java.util.Arrays.stream(c.indices()).boxed().toList())
                        .allSatisfy(i -> assertThat(i).isBetween(0, refs.size() * c.gridH() * c.gridW() - 1));
                assertThat(c.shares()).hasSize(refs.size());
                assertThat(java.util.Arrays.stream(c.shares()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            }
            for (int r = 0; r < refs.size(); r++) {
                for (float v : f.correlation().of(r)) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        }
    }

    @Test
    void eachReferencesHeatmapLiesOnItsSkeletonMoreThanAUniformMap() {
        List<ReferenceShot> refs = project.enabledReferences();
        double spread = 0;
        for (FrameResult f : FRAMES) {
            float[] range = f.correlation().range();
            spread = Math.max(spread, range[1] - range[0]);
        }
        // a PCM that has not learned yet (its output projection starts at zero) gives flat maps: nothing to judge,
        // so the check is reported as skipped, not passed
        assumeTrue(spread >= MIN_SPREAD, "the pack's correlation maps are flat (max - min = " + spread
                + " logits < " + MIN_SPREAD + "): its PCM is not trained enough for the heat check");
        assertHeatOnTheBody(FRAMES, refs);
    }

    /**
     * The same check on contract-mini, whose hand-written PCM scores cells where the reference's own skeleton is
     * drawn: it must pass, which shows the check (map orientation, mask, softmax) can see structure when it exists.
     */
    @Test
    void theHeatCheckSeesStructureWhenThePcmHasIt() throws Exception {
        ProjectBundle bundle = ProjectBundle.open(SAMPLE);
        try (ModelPack pack = ModelPack.open(TestProjects.resource("packs/contract-mini"), SessionSettings.defaults())) {
            GenerationPipeline pipeline = new GenerationPipeline(pack, project, shot -> {
                try {
                    return PngImages.read(bundle.referenceImage(shot.imageFile()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }, GenerationOptions.from(project.generation()).withSteps(1));
            assertHeatOnTheBody(List.of(pipeline.generate(0, (done, steps, preview) -> { })), project.enabledReferences());
        }
    }

    private static void assertHeatOnTheBody(List<FrameResult> frames, List<ReferenceShot> refs) {
        for (FrameResult f : frames) {
            for (int r = 0; r < refs.size(); r++) {
                ReferenceShot shot = refs.get(r);
                PoseMask mask = PoseMask.of(shot.pose(), 16);
                int h = f.correlation().height();
                int w = f.correlation().width();
                double onBody = mask.massInside(softmax(f.correlation().of(r)), w, h);
                double uniform = mask.uniformMassInside(w, h);
                System.out.printf("frame %d %s: heat on the body %.4f, uniform %.4f%n", f.frame(), shot.id(), onBody, uniform);
                assertThat(onBody).as("frame %d, reference %s: heat on the body vs uniform", f.frame(), shot.id())
                        .isGreaterThan(uniform);
            }
        }
    }

    /** Logit spread below which a correlation map is considered flat (softmax within ~5% of uniform). */
    private static final double MIN_SPREAD = 0.05;

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        float[] out = new float[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = (float) Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) sum;
        }
        return out;
    }

    private static int distinctColours(int[] pixels) {
        return (int) java.util.Arrays.stream(pixels).distinct().count();
    }
}
