package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fvstudio.inference.golden.Npy;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.inference.pack.Sha256;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.scheduler.Scheduler;
import org.fvstudio.inference.scheduler.SchedulerRun;
import org.fvstudio.inference.selection.BankSelection;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.inference.selection.TokenSelector;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity of the Java pipeline with the Python reference sampler (training/sampler.py) on the bundled fvs-tiny
 * pack: the golden inputs (pose maps, reference pictures, noise) go through the Java stages (ONNX Runtime graphs,
 * Java selection and fusion, the Java DDIM loop), and every stage output is compared with the stored one.
 * Tolerances of issue 5: correlation and first denoiser output max abs diff <= 1e-4, selected indices identical
 * (ties excepted), final frame <= 2/255.
 */
class GoldenParityTest {

    private static final Path PACK = Path.of("..", "assets", "packs", "fvs-tiny");
    private static ModelPack pack;
    private static final StepObserver QUIET = (done, steps, preview) -> { };

    @BeforeAll
    static void open() throws Exception {
        pack = ModelPack.open(PACK, SessionSettings.defaults());
    }

    @AfterAll
    static void close() {
        pack.close();
    }

    private static Path golden(String caseName, String file) {
        return TestProjects.resource("golden/fvs-tiny/" + caseName + "/" + file);
    }

    private static float[] npy(String caseName, String file) throws Exception {
        return Npy.read(golden(caseName, file)).floats();
    }

    /** NHWC uint8 values -> NCHW floats {@code v * scale + offset}. */
    private static float[] nchw(Npy u8, double scale, double offset) {
        int n = (int) u8.shape()[0];
        int h = (int) u8.shape()[1];
        int w = (int) u8.shape()[2];
        float[] out = new float[n * 3 * h * w];
        float[] in = u8.floats();
        for (int b = 0; b < n; b++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        out[((b * 3 + c) * h + y) * w + x] = (float) (in[((b * h + y) * w + x) * 3 + c] * scale + offset);
                    }
                }
            }
        }
        return out;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static float[] slice(float[] all, int index, int size) {
        return java.util.Arrays.copyOfRange(all, index * size, (index + 1) * size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"case1", "case2"})
    void javaStagesMatchThePythonReferenceSampler(String caseName) throws Exception {
        JsonNode c = new ObjectMapper().readTree(golden(caseName, "case.json").toFile());
        assertThat(c.get("pack_json_sha256").asText()).as("golden tensors made from this pack.json")
                .isEqualTo(Sha256.of(PACK.resolve("pack.json")));
        PackManifest m = pack.manifest();
        GraphCalls calls = new GraphCalls();
        Npy refImages = Npy.read(golden(caseName, "ref_image_u8.npy"));
        Npy refPoses = Npy.read(golden(caseName, "ref_pose_u8.npy"));
        Npy targetPose = Npy.read(golden(caseName, "target_pose_u8.npy"));
        int n = (int) refImages.shape()[0];
        float[] refPose = nchw(refPoses, 1 / 255.0, 0);
        float[] target = nchw(targetPose, 1 / 255.0, 0);

        // PCM
        Map<String, TensorIn> pcmIn = new HashMap<>();
        pcmIn.put("ref_pose", TensorIn.of(refPose, n, 3, 256, 256));
        pcmIn.put("target_pose", TensorIn.of(target, 1, 3, 256, 256));
        float[] correlation = calls.run(pack.session("pcm").orElseThrow(), "pcm", pcmIn).get("correlation");
        double corrDiff = maxAbsDiff(correlation, npy(caseName, "correlation.npy"));
        assertThat(corrDiff).as("correlation max abs diff").isLessThanOrEqualTo(1e-4);

        // pose guider and reference net
        float[] poseFeatures = calls.run(pack.session("pose_guider").orElseThrow(), "pose_guider",
                Map.of("target_pose", TensorIn.of(target, 1, 3, 256, 256))).get("pose_features");
        assertThat(maxAbsDiff(poseFeatures, npy(caseName, "pose_features.npy"))).isLessThanOrEqualTo(1e-4);
        Map<String, TensorIn> refIn = new HashMap<>();
        refIn.put("ref_image", TensorIn.of(nchw(refImages, 1 / 127.5, -1), n, 3, 128, 128));
        refIn.put("ref_pose", TensorIn.of(refPose, n, 3, 256, 256));
        Map<String, float[]> banks = calls.run(pack.session("reference_net").orElseThrow(), "reference_net", refIn);

        // selection and fusion in Java, from the Java correlation maps
        int cells = m.correlationH() * m.correlationW();
        float[][] perReference = new float[n][];
        for (int r = 0; r < n; r++) {
            perReference[r] = slice(correlation, r, cells);
        }
        TokenSelector selector = new TokenSelector(m.selection());
        List<BankSelection> selections = new ArrayList<>();
        for (BankSpec bank : m.banks()) {
            float[] all = banks.get("bank_" + bank.name());
            assertThat(maxAbsDiff(all, npy(caseName, "bank_" + bank.name() + ".npy"))).isLessThanOrEqualTo(1e-4);
            int perRef = bank.channels() * bank.tokensPerReference();
            float[][] features = new float[n][];
            for (int r = 0; r < n; r++) {
                features[r] = slice(all, r, perRef);
            }
            int k = c.get("top_k").get(bank.name()).asInt();
            BankSelection s = selector.select(perReference, m.correlationH(), m.correlationW(), features, bank.withTopK(k));
            long[] expected = Npy.read(golden(caseName, "selected_" + bank.name() + ".npy")).longs();
            assertThat(s.indices()).hasSize(expected.length);
            for (int slot = 0; slot < expected.length; slot++) {
                if (s.indices()[slot] != expected[slot]) {
                    // a tie: both tokens have the same score (to float rounding), so either order is right
                    float ours = s.scores()[slot];
                    float theirs = scoreOf((int) expected[slot], perReference, bank, m);
                    assertThat((double) Math.abs(ours - theirs)).as("%s slot %d: %d vs %d is not a tie", bank.name(), slot,
                            s.indices()[slot], expected[slot]).isLessThanOrEqualTo(1e-6);
                }
            }
            assertThat(maxAbsDiff(s.weights(), npy(caseName, "weights_" + bank.name() + ".npy"))).isLessThanOrEqualTo(1e-4);
            assertThat(maxAbsDiff(s.tokens(), npy(caseName, "tokens_" + bank.name() + ".npy"))).isLessThanOrEqualTo(1e-4);
            selections.add(s);
        }

        // denoising with the stored noise
        int steps = c.get("steps").asInt();
        SchedulerRun run = Scheduler.named(m.scheduler().type(), m.scheduler().config()).start(steps);
        int[] expectedTimesteps = new int[c.get("timesteps").size()];
        for (int i = 0; i < expectedTimesteps.length; i++) {
            expectedTimesteps[i] = c.get("timesteps").get(i).asInt();
        }
        assertThat(run.timesteps()).containsExactly(expectedTimesteps);
        long[] featureShape = Npy.read(golden(caseName, "pose_features.npy")).shape();
        DenoisingLoop loop = new DenoisingLoop(pack.session("denoiser").orElseThrow(), calls, m);
        float[][] firstPrediction = new float[1][];
        float[][] latents = loop.run(run, new float[][] {npy(caseName, "noise.npy")},
                List.of(new DenoisingLoop.FrameInputs("pose_features", new TensorIn(poseFeatures, featureShape), selections)),
                c.get("guidance").asDouble(), QUIET, latent -> null, (step, predictions) -> {
                    if (step == 0) {
                        firstPrediction[0] = predictions[0].clone();
                    }
                });
        double stepDiff = maxAbsDiff(firstPrediction[0], npy(caseName, "denoiser_step0.npy"));
        assertThat(stepDiff).as("first denoiser output max abs diff").isLessThanOrEqualTo(1e-4);
        float[] finalFrame = latents[0].clone();
        for (int i = 0; i < finalFrame.length; i++) {
            finalFrame[i] = Math.max(-1, Math.min(1, finalFrame[i]));
        }
        // [-1, 1] -> [0, 1]: a difference d in latent units is d / 2 in picture units
        double finalDiff = maxAbsDiff(finalFrame, npy(caseName, "final.npy")) / 2;
        assertThat(finalDiff).as("final frame max abs diff in [0,1] units").isLessThanOrEqualTo(2 / 255.0);
        System.out.printf("parity %s: correlation %.2e, denoiser step 0 %.2e, final frame %.2e (= %.3f/255)%n",
                caseName, corrDiff, stepDiff, finalDiff, finalDiff * 255);
    }

    private static float scoreOf(int index, float[][] correlation, BankSpec bank, PackManifest m) {
        int cells = bank.tokensPerReference();
        float[] resized = org.fvstudio.inference.selection.BilinearResize.resize(correlation[index / cells],
                m.correlationH(), m.correlationW(), bank.gridH(), bank.gridW(), m.selection().alignCorners());
        return resized[index % cells];
    }

    /** The Java pose-map renderer against the sampler's stored maps, from the same keypoints. */
    @ParameterizedTest
    @ValueSource(strings = {"case1", "case2"})
    void javaPoseMapsMatchTheStoredOnes(String caseName) throws Exception {
        JsonNode kp = new ObjectMapper().readTree(golden(caseName, "case.json").toFile()).get("keypoints");
        int w = kp.get("canvas").get("width").asInt();
        int h = kp.get("canvas").get("height").asInt();
        PoseMapRenderer renderer = new PoseMapRenderer(pack.manifest().poseMap());
        Npy stored = Npy.read(golden(caseName, "target_pose_u8.npy"));
        RgbImage ours = renderer.renderImage(new Pose(w, h, List.of(body(kp.get("target")))));
        long sum = 0;
        int within16 = 0;
        float[] s = stored.floats();
        int pixels = 256 * 256;
        for (int i = 0; i < pixels; i++) {
            int p = ours.packedPixels()[i];
            int[] rgb = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
            boolean close = true;
            for (int ch = 0; ch < 3; ch++) {
                int d = Math.abs(rgb[ch] - (int) s[i * 3 + ch]);
                sum += d;
                close &= d <= 16;
            }
            within16 += close ? 1 : 0;
        }
        double mean = sum / (3.0 * pixels);
        assertThat(mean).as("mean abs difference per channel").isLessThanOrEqualTo(2.0);
        assertThat(within16 / (double) pixels).isGreaterThanOrEqualTo(0.97);
    }

    private static PersonPose body(JsonNode points) {
        List<Keypoint> all = new ArrayList<>();
        for (int j = 0; j < PersonPose.KEYPOINT_COUNT; j++) {
            if (j < 18) {
                JsonNode p = points.get(j);
                all.add(new Keypoint(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble()));
            } else {
                all.add(Keypoint.MISSING);
            }
        }
        return PersonPose.of(all);
    }
}
