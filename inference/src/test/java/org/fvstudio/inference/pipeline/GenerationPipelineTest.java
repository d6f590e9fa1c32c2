package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.JobSummary;
import org.fvstudio.inference.job.ProgressEvent;
import org.fvstudio.inference.job.Result;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.Sha256;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through ONNX Runtime with the hand-written contract pack and real poses and photo. */
class GenerationPipelineTest {

    private static ModelPack pack;
    private static Project project;
    private static RgbImage photo;

    private static final StepObserver QUIET = (done, steps, preview) -> { };

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws Exception {
        pack = ModelPack.open(TestProjects.resource("packs/contract-mini"), SessionSettings.defaults().withIntraOpThreads(1));
        project = TestProjects.twoReferenceProject();
        photo = TestProjects.astronaut();
    }

    @AfterAll
    static void close() {
        pack.close();
    }

    private GenerationPipeline pipeline(Project p, GenerationOptions o) throws GenerationException {
        return new GenerationPipeline(pack, p, shot -> photo, o);
    }

    private static GenerationOptions options() {
        return new GenerationOptions(4, 1.0, 42, 0, false, List.of());
    }

    @Test
    void generatesCanvasSizedFramesWithMapsSelectionsAndTimings() throws Exception {
        GenerationPipeline p = pipeline(project, options());
        FrameResult r = p.generate(1, QUIET);
        assertThat(r.image().width()).isEqualTo(project.canvasWidth());
        assertThat(r.image().height()).isEqualTo(project.canvasHeight());
        assertThat(r.correlation().referenceIds()).containsExactly("ref-1", "ref-2");
        for (float[] map : r.correlation().values()) {
            assertThat(map).hasSize(16 * 16);
            for (float v : map) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
        assertThat(r.selections()).extracting(TokenChoice::bank).containsExactly("g16", "g8");
        assertThat(r.selections().get(0).k()).isEqualTo(64);
        assertThat(r.shares()[0] + r.shares()[1]).isEqualTo(1.0);
        assertThat(r.timings().runtimeNanos()).isPositive().isLessThanOrEqualTo(r.timings().totalNanos());
        // the picture is not flat: the model draws the pose guider's skeleton
        int min = 255;
        int max = 0;
        for (int y = 0; y < r.image().height(); y += 3) {
            for (int x = 0; x < r.image().width(); x += 3) {
                min = Math.min(min, r.image().green(x, y));
                max = Math.max(max, r.image().green(x, y));
            }
        }
        assertThat(max - min).isGreaterThan(20);
    }

    /**
     * Each reference's correlation map puts more of its (min-shifted) mass on that reference's own rendered
     * skeleton than a uniform map would: maps come back in reference order and in image orientation.
     */
    @Test
    void heatmapsConcentrateOnEachReferencesRenderedSkeleton() throws Exception {
        FrameResult r = pipeline(project, options()).generate(0, QUIET);
        PoseMapRenderer maps = new PoseMapRenderer(pack.manifest().poseMap());
        for (int n = 0; n < 2; n++) {
            RgbImage mask = maps.renderImage(project.references().get(n).pose());
            int cell = mask.width() / 16;
            boolean[] onBody = new boolean[256];
            int bodyCells = 0;
            for (int i = 0; i < 256; i++) {
                int lit = 0;
                for (int y = 0; y < cell; y++) {
                    for (int x = 0; x < cell; x++) {
                        lit += mask.rgb((i % 16) * cell + x, (i / 16) * cell + y) != 0 ? 1 : 0;
                    }
                }
                onBody[i] = lit > 0;
                bodyCells += onBody[i] ? 1 : 0;
            }
            float[] map = r.correlation().of(n);
            float min = Float.POSITIVE_INFINITY;
            for (float v : map) {
                min = Math.min(min, v);
            }
            double total = 0;
            double onMask = 0;
            for (int i = 0; i < 256; i++) {
                total += map[i] - min;
                onMask += onBody[i] ? map[i] - min : 0;
            }
            double uniformShare = bodyCells / 256.0;
            assertThat(bodyCells).isBetween(5, 250);
            assertThat(onMask / total).as("reference %d", n).isGreaterThan(uniformShare);
        }
    }

    @Test
    void sameSeedSameFrameOtherSeedOtherFrame() throws Exception {
        int[] a = pipeline(project, options()).generate(2, QUIET).image().packedPixels().clone();
        int[] b = pipeline(project, options()).generate(2, QUIET).image().packedPixels().clone();
        int[] c = pipeline(project, options().withSeed(7)).generate(2, QUIET).image().packedPixels().clone();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    /** Buffers kept from frame to frame (native inputs, staged reference maps, the pose picture) carry nothing over. */
    @Test
    void aFrameAfterOthersIsTheFrameAFreshPipelineGenerates() throws Exception {
        for (GenerationOptions o : List.of(options(), options().withGuidance(2.5))) {
            GenerationPipeline reused = pipeline(project, o);
            reused.generate(3, QUIET);
            reused.generate(0, QUIET);
            List<int[]> previews = new ArrayList<>();
            FrameResult again = reused.generate(1, (done, steps, preview) -> previews.add(preview.get().packedPixels()));
            List<int[]> freshPreviews = new ArrayList<>();
            FrameResult fresh = pipeline(project, o).generate(1,
                    (done, steps, preview) -> freshPreviews.add(preview.get().packedPixels()));
            assertThat(again.image().packedPixels()).isEqualTo(fresh.image().packedPixels());
            assertThat(again.correlation().values()).isDeepEqualTo(fresh.correlation().values());
            assertThat(previews).hasSize(o.steps() + 1).usingRecursiveComparison().isEqualTo(freshPreviews);
        }
    }

    @Test
    void referenceNetRunsOncePerReferenceWhateverTheFrameCount() throws Exception {
        GenerationPipeline p = pipeline(project, options());
        for (int f = 0; f < 4; f++) {
            p.generate(f, QUIET);
        }
        assertThat(p.referenceStage().computedCount()).isEqualTo(2);
    }

    @Test
    void guidanceAndAllTokensChangeTheDenoiserInputs() throws Exception {
        FrameResult plain = pipeline(project, options()).generate(0, QUIET);
        FrameResult guided = pipeline(project, options().withGuidance(3.0)).generate(0, QUIET);
        FrameResult all = pipeline(project, options().withAllTokens(true)).generate(0, QUIET);
        assertThat(guided.image().packedPixels()).isNotEqualTo(plain.image().packedPixels());
        assertThat(all.selections().get(0).k()).isEqualTo(2 * 256);
        assertThat(all.selections().get(1).k()).isEqualTo(2 * 64);
    }

    @Test
    void jobReportsEveryStepAndCancelsWithinOne() throws Exception {
        GenerationPipeline p = pipeline(project, options());
        List<ProgressEvent> events = new ArrayList<>();
        List<Integer> frames = new ArrayList<>();
        GenerationJob[] job = new GenerationJob[1];
        job[0] = new GenerationJob(p, List.of(0, 1, 2, 3), new GenerationListener() {
            @Override
            public void onProgress(ProgressEvent e) {
                events.add(e);
                if (e.frameIndex() == 1 && e.step() == 1) {
                    job[0].cancel();
                }
            }

            @Override
            public void onFrame(FrameResult r) {
                frames.add(r.frame());
            }
        }, 2);
        Result<JobSummary> outcome = job[0].run();
        assertThat(outcome.orElseThrow().cancelled()).isTrue();
        assertThat(frames).containsExactly(0);
        ProgressEvent last = events.get(events.size() - 1);
        assertThat(last.frameIndex()).isEqualTo(1);
        assertThat(last.step()).isEqualTo(1);
    }

    @Test
    void nanFromTheDenoiserIsAnErrorValueNamingTheGraph() throws Exception {
        Path copy = TestProjects.copyPack("contract-mini", tmp);
        Files.copy(TestProjects.resource("packs/broken/denoiser_nan.onnx"), copy.resolve("denoiser.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(copy.resolve("pack.json").toFile());
        ((ObjectNode) root.get("files")).put("denoiser.onnx", Sha256.of(copy.resolve("denoiser.onnx")));
        json.writeValue(copy.resolve("pack.json").toFile(), root);
        try (ModelPack broken = ModelPack.open(copy, SessionSettings.defaults())) {
            GenerationPipeline p = new GenerationPipeline(broken, project, shot -> photo, options());
            Result<JobSummary> outcome = new GenerationJob(p, List.of(0), GenerationListener.NONE, 0).run();
            assertThat(outcome).isInstanceOf(Result.Err.class);
            GenerationError e = ((Result.Err<JobSummary>) outcome).error();
            assertThat(e.kind()).isEqualTo(GenerationError.Kind.NUMERIC);
            assertThat(e.message()).startsWith("frame 0: denoiser.onnx (denoiser) output 'prediction' has a non-finite value (NaN");
        }
    }

    @Test
    void zeroEnabledReferencesIsRefusedUpFront() {
        Project none = project.withReferences(project.references().stream().map(r -> r.withEnabled(false)).toList());
        assertThatThrownBy(() -> pipeline(none, options()))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("has no enabled reference shot")
                .extracting(e -> ((GenerationException) e).kind()).isEqualTo(GenerationError.Kind.INVALID_INPUT);
    }

    @Test
    void aFrameWithoutVisibleBodyIsAnErrorNamingTheFrame() throws Exception {
        Pose first = project.rawTargetPoseAt(0);
        double[] flat = first.people().get(0).toFlat();
        for (int j = 0; j < 18; j++) {
            flat[3 * j + 2] = 0.1; // every body joint below the 0.3 visibility threshold
        }
        Pose hidden = first.withPerson(0, PersonPose.ofFlat(flat));
        Project p = project.withTarget(PoseTrack.fromFrames(List.of(first, hidden), Interpolation.CONSTANT));
        GenerationPipeline pipeline = pipeline(p, options());
        assertThat(pipeline.generate(0, QUIET).frame()).isZero();
        assertThatThrownBy(() -> pipeline.generate(1, QUIET))
                .isInstanceOf(GenerationException.class)
                .hasMessage("the target pose at frame 1 has no visible body (fewer than 2 body joints with confidence > 0.3)");
    }
}
