package org.fvstudio.inference.pipeline;

import ai.onnxruntime.OnnxTensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fvstudio.inference.image.ImageTensors;
import org.fvstudio.inference.job.CorrelationMaps;
import org.fvstudio.inference.job.FrameGenerator;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GaussianNoise;
import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.StageTimings;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.scheduler.Scheduler;
import org.fvstudio.inference.scheduler.SchedulerRun;
import org.fvstudio.inference.selection.BankSelection;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.inference.selection.TokenSelector;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * The generation pipeline for one project snapshot and one pack (docs/model-pack.md): references once
 * (cached by content), PCM, pose guider and selection once per target frame, the denoiser once per step
 * (twice with guidance), then the picture at canvas size. Frames are independent ({@code context.frames} = 1)
 * and generated one at a time, so memory does not depend on the sequence length.
 */
public final class GenerationPipeline implements FrameGenerator {

    /** Fewer visible body joints than this and the frame has "no visible body". */
    static final int MIN_VISIBLE_JOINTS = 2;

    private final ModelPack pack;
    private final PackManifest m;
    private final Project project;
    private final List<ReferenceShot> references;
    private final ReferenceImages images;
    private final GenerationOptions options;
    private final GraphCalls calls = new GraphCalls();
    private final PoseMapRenderer poseMaps;
    private final ReferenceStage referenceStage;
    private final Scheduler scheduler;
    private final TokenSelector selector;
    private List<ReferenceFeatures> loadedReferences;

    public GenerationPipeline(ModelPack pack, Project project, ReferenceImages images, GenerationOptions options)
            throws GenerationException {
        this.pack = pack;
        this.m = pack.manifest();
        this.project = project;
        this.images = images;
        this.options = options;
        if (m.context().frames() != 1) {
            throw new GenerationException(GenerationError.Kind.PACK, "pack " + m.id() + " is temporal (context.frames = "
                    + m.context().frames() + "); this version generates frame-independent packs only");
        }
        if (!"pixel".equals(m.latent().type()) && m.graph(PackManifest.VAE_DECODER).isEmpty()) {
            throw new GenerationException(GenerationError.Kind.PACK, "pack " + m.id() + " has a '" + m.latent().type()
                    + "' latent but no vae_decoder graph");
        }
        this.references = chooseReferences(project, options);
        this.poseMaps = new PoseMapRenderer(m.poseMap());
        this.referenceStage = new ReferenceStage(pack, poseMaps, calls);
        this.scheduler = Scheduler.named(m.scheduler().type(), m.scheduler().config());
        this.selector = new TokenSelector(m.selection());
    }

    private static List<ReferenceShot> chooseReferences(Project project, GenerationOptions options) throws GenerationException {
        List<ReferenceShot> chosen = new ArrayList<>();
        for (ReferenceShot r : project.enabledReferences()) {
            if (options.referencesUsed().isEmpty() || options.referencesUsed().contains(r.id())) {
                chosen.add(r);
            }
        }
        if (chosen.isEmpty()) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT, "project '" + project.name()
                    + "' has no enabled reference shot to generate from (enable at least one reference)");
        }
        for (ReferenceShot r : chosen) {
            if (visibleBodyJoints(r.pose()) < MIN_VISIBLE_JOINTS) {
                throw new GenerationException(GenerationError.Kind.INVALID_INPUT, "reference '" + r.name() + "' ("
                        + r.id() + ") has no visible body in its pose: set its skeleton first");
            }
        }
        return List.copyOf(chosen);
    }

    static int visibleBodyJoints(Pose pose) {
        int n = 0;
        for (PersonPose p : pose.people()) {
            for (int j = 0; j < 18; j++) {
                n += p.confidence(j) > Keypoint.VISIBLE_THRESHOLD ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public int steps() {
        return options.steps();
    }

    public List<ReferenceShot> references() {
        return references;
    }

    public ReferenceStage referenceStage() {
        return referenceStage;
    }

    /** Time spent inside ONNX Runtime so far (all frames). */
    public long runtimeNanos() {
        return calls.runtimeNanos();
    }

    @Override
    public FrameResult generate(int frame, StepObserver observer) throws GenerationException {
        long t0 = System.nanoTime();
        long runtimeBefore = calls.runtimeNanos();
        Pose target = project.targetPoseAt(frame);
        if (visibleBodyJoints(target) < MIN_VISIBLE_JOINTS) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT, "the target pose at frame " + frame
                    + " has no visible body (fewer than " + MIN_VISIBLE_JOINTS + " body joints with confidence > 0.3)");
        }
        float[] targetMap = poseMaps.render(target);
        long t1 = System.nanoTime();
        List<ReferenceFeatures> refs = referenceFeatures();
        long t2 = System.nanoTime();
        FrameConditions cond = conditions(refs, targetMap);
        long t3 = System.nanoTime();
        List<BankSelection> selections = select(refs, cond.correlation);
        long t4 = System.nanoTime();
        float[] x0 = denoise(frame, cond, selections, observer);
        long t5 = System.nanoTime();
        RgbImage image = decode(x0).orElseResize(project.canvasWidth(), project.canvasHeight());
        long t6 = System.nanoTime();

        List<String> ids = refs.stream().map(ReferenceFeatures::referenceId).toList();
        List<TokenChoice> choices = new ArrayList<>();
        for (BankSelection s : selections) {
            choices.add(new TokenChoice(s.bank().name(), s.bank().gridH(), s.bank().gridW(), s.indices().clone(),
                    s.scores().clone(), s.shares()));
        }
        double[] shares = choices.isEmpty() ? new double[refs.size()] : choices.get(0).shares();
        StageTimings timings = new StageTimings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5,
                calls.runtimeNanos() - runtimeBefore, t6 - t0);
        return new FrameResult(frame, image, new CorrelationMaps(ids, m.correlationH(), m.correlationW(), cond.correlation),
                choices, shares, timings);
    }

    private List<ReferenceFeatures> referenceFeatures() throws GenerationException {
        if (loadedReferences == null) {
            List<ReferenceFeatures> list = new ArrayList<>();
            for (ReferenceShot shot : references) {
                list.add(referenceStage.features(shot, images.load(shot)));
            }
            loadedReferences = List.copyOf(list);
        }
        return loadedReferences;
    }

    /** Per target frame: correlation maps (one per reference) and the pose conditioning of the denoiser. */
    private record FrameConditions(float[][] correlation, String poseInputName, TensorIn poseInput) {
    }

    private FrameConditions conditions(List<ReferenceFeatures> refs, float[] targetMap) throws GenerationException {
        int n = refs.size();
        int mh = m.poseMap().height();
        int mw = m.poseMap().width();
        int cells = m.correlationH() * m.correlationW();
        float[][] correlation = new float[n][cells];
        if (pack.session(PackManifest.PCM).isPresent()) {
            float[] refMaps = new float[n * poseMaps.size()];
            for (int i = 0; i < n; i++) {
                System.arraycopy(refs.get(i).poseMap(), 0, refMaps, i * poseMaps.size(), poseMaps.size());
            }
            Map<String, TensorIn> in = new HashMap<>();
            in.put("ref_pose", TensorIn.of(refMaps, n, 3, mh, mw));
            in.put("target_pose", TensorIn.of(targetMap, 1, 3, mh, mw));
            float[] c = GraphCalls.output(calls.run(pack.session(PackManifest.PCM).orElseThrow(), PackManifest.PCM, in),
                    "correlation", PackManifest.PCM);
            for (int i = 0; i < n; i++) {
                System.arraycopy(c, i * cells, correlation[i], 0, cells);
            }
        }
        if (pack.session(PackManifest.POSE_GUIDER).isPresent()) {
            Map<String, float[]> out = calls.run(pack.session(PackManifest.POSE_GUIDER).orElseThrow(),
                    PackManifest.POSE_GUIDER, Map.of("target_pose", TensorIn.of(targetMap, 1, 3, mh, mw)));
            float[] features = GraphCalls.output(out, "pose_features", PackManifest.POSE_GUIDER);
            long[] shape = m.graph(PackManifest.POSE_GUIDER).orElseThrow().output("pose_features").orElseThrow().shape();
            shape[0] = 1;
            return new FrameConditions(correlation, "pose_features", new TensorIn(features, shape));
        }
        return new FrameConditions(correlation, "pose_map", TensorIn.of(targetMap, 1, 3, mh, mw));
    }

    private List<BankSelection> select(List<ReferenceFeatures> refs, float[][] correlation) {
        List<BankSelection> out = new ArrayList<>();
        if (pack.session(PackManifest.REFERENCE_NET).isEmpty()) {
            return out;
        }
        for (BankSpec bank : m.banks()) {
            int k = options.allTokens() ? refs.size() * bank.tokensPerReference()
                    : (options.tokenBudget() > 0 ? options.tokenBudget() : bank.topK());
            float[][] features = new float[refs.size()][];
            for (int i = 0; i < refs.size(); i++) {
                features[i] = refs.get(i).banks().get(bank.name());
            }
            out.add(selector.select(correlation, m.correlationH(), m.correlationW(), features, bank.withTopK(k)));
        }
        return out;
    }

    private float[] denoise(int frame, FrameConditions cond, List<BankSelection> selections, StepObserver observer)
            throws GenerationException {
        PackManifest.LatentSpec lt = m.latent();
        SchedulerRun run = scheduler.start(options.steps());
        int[] timesteps = run.timesteps();
        float[] x = GaussianNoise.forFrame(options.seed(), frame, m.noiseSharedAcrossFrames(), lt.size());
        if (run.initNoiseSigma() != 1.0) {
            for (int i = 0; i < x.length; i++) {
                x[i] *= (float) run.initNoiseSigma();
            }
        }
        boolean guided = options.guidance() != 1.0;
        float g = (float) options.guidance();
        ModelSession denoiser = pack.session(PackManifest.DENOISER).orElseThrow();
        long[] sampleShape = {1, lt.channels(), lt.height(), lt.width()};
        try (NativeFeed feed = new NativeFeed(denoiser.environment())) {
            Map<String, OnnxTensor> conditional = new HashMap<>();
            Map<String, OnnxTensor> unconditional = new HashMap<>();
            OnnxTensor pose = feed.put(cond.poseInputName(), cond.poseInput().data(), cond.poseInput().shape());
            conditional.put(cond.poseInputName(), pose);
            unconditional.put(cond.poseInputName(), pose);
            if (selections.isEmpty()) {
                // no reference_net: K = 1 with weight 0 (ONNX shapes cannot be empty)
                for (BankSpec b : m.banks()) {
                    putTokens(feed, conditional, "", b, new float[b.channels()], new float[1], 1);
                    putTokens(feed, unconditional, "", b, new float[b.channels()], new float[1], 1);
                }
            } else {
                for (BankSelection s : selections) {
                    putTokens(feed, conditional, "", s.bank(), s.tokens(), s.weights(), s.k());
                    if (guided) {
                        putTokens(feed, unconditional, "uncond:", s.bank(), new float[s.tokens().length],
                                new float[s.k()], s.k());
                    }
                }
            }
            Map<String, OnnxTensor> out = Map.of("prediction", feed.output("prediction", sampleShape));
            Map<String, OnnxTensor> uncondOut = Map.of("prediction", feed.output("uncond:prediction", sampleShape));
            observer.onStep(0, timesteps.length, () -> decodeQuietly(x));
            float[] sample = x;
            float[] uncond = new float[lt.size()];
            for (int i = 0; i < timesteps.length; i++) {
                OnnxTensor sampleIn = feed.put("sample", sample, sampleShape);
                OnnxTensor timestep = feed.put("timestep", new float[] {timesteps[i]}, 1);
                conditional.put("sample", sampleIn);
                conditional.put("timestep", timestep);
                calls.runInPlace(denoiser, PackManifest.DENOISER, conditional, out);
                float[] prediction = feed.read("prediction", new float[lt.size()]);
                GraphCalls.requireFinite(PackManifest.DENOISER, "prediction", prediction, denoiser);
                if (guided) {
                    unconditional.put("sample", sampleIn);
                    unconditional.put("timestep", timestep);
                    calls.runInPlace(denoiser, PackManifest.DENOISER, unconditional, uncondOut);
                    feed.read("uncond:prediction", uncond);
                    GraphCalls.requireFinite(PackManifest.DENOISER, "prediction", uncond, denoiser);
                    for (int j = 0; j < prediction.length; j++) {
                        prediction[j] = uncond[j] + g * (prediction[j] - uncond[j]);
                    }
                }
                float[] before = sample;
                int stepIndex = i;
                sample = run.step(i, prediction, sample);
                observer.onStep(i + 1, timesteps.length, () -> decodeQuietly(run.predictOriginal(stepIndex, prediction, before)));
            }
            return sample;
        }
    }

    private static void putTokens(NativeFeed feed, Map<String, OnnxTensor> in, String keyPrefix, BankSpec bank,
            float[] tokens, float[] weights, int k) throws GenerationException {
        in.put("tokens_" + bank.name(), feed.put(keyPrefix + "tokens_" + bank.name(), tokens, 1, k, bank.channels()));
        in.put("weights_" + bank.name(), feed.put(keyPrefix + "weights_" + bank.name(), weights, 1, k));
    }

    /** The image tensor [3, H, W] in [-1, 1] for a final latent. */
    private Decoded decode(float[] latent) throws GenerationException {
        PackManifest.LatentSpec lt = m.latent();
        if (pack.session(PackManifest.VAE_DECODER).isEmpty()) {
            return new Decoded(latent, lt.height(), lt.width());
        }
        float[] scaled = latent.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= (float) lt.scaleFactor();
        }
        float[] image = GraphCalls.output(calls.run(pack.session(PackManifest.VAE_DECODER).orElseThrow(),
                PackManifest.VAE_DECODER, Map.of("latent", TensorIn.of(scaled, 1, lt.channels(), lt.height(), lt.width()))),
                "image", PackManifest.VAE_DECODER);
        return new Decoded(image, m.height(), m.width());
    }

    private RgbImage decodeQuietly(float[] latent) {
        try {
            return decode(latent).image();
        } catch (GenerationException e) {
            throw new IllegalStateException("preview decoding failed: " + e.getMessage(), e);
        }
    }

    private record Decoded(float[] chw, int height, int width) {
        RgbImage image() {
            return ImageTensors.fromSignedUnit(chw, 0, height, width);
        }

        RgbImage orElseResize(int canvasWidth, int canvasHeight) {
            return ImageTensors.resize(image(), canvasWidth, canvasHeight);
        }
    }
}
