package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.ProgressEvent;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal packs (context.frames > 1): contract-mini declared temporal. Its denoiser treats every batch row on its
 * own, so blending overlapping windows must give exactly what frame-by-frame generation gives (up to rounding),
 * which checks the window batching, the gather/scatter of frames and the blend weights end to end.
 */
class TemporalPackTest {

    @TempDir
    Path tmp;

    private static final StepObserver QUIET = (done, steps, preview) -> { };

    private Path temporalPack(int frames, int overlap, String blend) throws Exception {
        Path pack = TestProjects.copyPack("contract-mini", tmp);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(pack.resolve("pack.json").toFile());
        ObjectNode ctx = (ObjectNode) root.get("context");
        ctx.put("frames", frames).put("overlap", overlap).put("blend", blend);
        json.writeValue(pack.resolve("pack.json").toFile(), root);
        return pack;
    }

    private static int maxDifference(RgbImage a, RgbImage b) {
        int max = 0;
        int[] p = a.packedPixels();
        int[] q = b.packedPixels();
        for (int i = 0; i < p.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                max = Math.max(max, Math.abs(((p[i] >> shift) & 0xff) - ((q[i] >> shift) & 0xff)));
            }
        }
        return max;
    }

    @Test
    void overlappingWindowsOfAFrameIndependentDenoiserReproduceFrameByFrameOutput() throws Exception {
        Project project = TestProjects.twoReferenceProject();
        RgbImage photo = TestProjects.astronaut();
        GenerationOptions options = new GenerationOptions(3, 2.0, 5, 0, false, List.of());
        List<Integer> frames = List.of(0, 1, 2, 3);
        List<FrameResult> independent = new ArrayList<>();
        try (ModelPack plain = ModelPack.open(TestProjects.resource("packs/contract-mini"), SessionSettings.defaults())) {
            GenerationPipeline p = new GenerationPipeline(plain, project, shot -> photo, options);
            assertThat(p.segmentLength()).isEqualTo(1);
            for (int f : frames) {
                independent.add(p.generate(f, QUIET));
            }
        }
        try (ModelPack temporal = ModelPack.open(temporalPack(3, 1, "triangular"), SessionSettings.defaults())) {
            GenerationPipeline p = new GenerationPipeline(temporal, project, shot -> photo, options);
            // 8 windows of 3 frames with stride 2
            assertThat(p.segmentLength()).isEqualTo(3 + 7 * 2);
            List<FrameResult> together = new ArrayList<>();
            List<ProgressEvent> progress = new ArrayList<>();
            var outcome = new GenerationJob(p, frames, new GenerationListener() {
                @Override
                public void onFrame(FrameResult r) {
                    together.add(r);
                }

                @Override
                public void onProgress(ProgressEvent e) {
                    progress.add(e);
                }
            }, 0).run();
            assertThat(outcome.isOk()).isTrue();
            assertThat(together).extracting(FrameResult::frame).containsExactly(0, 1, 2, 3);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(maxDifference(together.get(i).image(), independent.get(i).image()))
                        .as("frame %d", i).isLessThanOrEqualTo(1);
                assertThat(together.get(i).selections().get(0).indices())
                        .isEqualTo(independent.get(i).selections().get(0).indices());
            }
            // one segment: the steps are reported once for all four frames, ending at fraction 1
            assertThat(progress).last().satisfies(e -> assertThat(e.fraction()).isEqualTo(1.0));
        }
    }

    @Test
    void aTemporalPackWithAnUnknownBlendIsRefused() throws Exception {
        Project project = TestProjects.twoReferenceProject();
        try (ModelPack temporal = ModelPack.open(temporalPack(3, 1, "none"), SessionSettings.defaults())) {
            RgbImage photo = TestProjects.astronaut();
            assertThatThrownBy(() -> new GenerationPipeline(temporal, project, shot -> photo,
                    new GenerationOptions(2, 1.0, 1, 0, false, List.of())))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("context.blend 'none'");
        }
    }
}
