package org.fvstudio.inference.pipeline;

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
import org.fvstudio.inference.scheduler.Scheduler;
import org.fvstudio.inference.scheduler.SchedulerRun;
import org.fvstudio.inference.selection.BankSelection;
import org.fvstudio.inference.selection.BankSpec;
import org.fvstudio.inference.selection.TokenSelector;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * The generation pipeline for one project snapshot and one pack (docs/model-pack.md): references once
 * (cached by content), PCM, pose guider and selection once per target frame, the denoiser once per step
 * (twice with guidance, see {@link DenoisingLoop}), then the picture at canvas size. Frame-independent packs
 * ({@code context.frames} = 1) generate one frame at a time; temporal packs denoise segments of overlapping context
 * windows together ({@link #segmentLength()}). Either way memory does not depend on the sequence length.
 */
public final class GenerationPipeline implements FrameGenerator {

    /** Fewer visible body joints than this and the frame has "no visible body". */
    static final int MIN_VISIBLE_JOINTS = ReferenceShot.MIN_SKELETON_JOINTS;

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
    private final DenoisingLoop loop;
    private List<ReferenceFeatures> loadedReferences;
    private float[] referencePoseBatch;
    private float[] sharedNoise;

    public GenerationPipeline(ModelPack pack, Project project, ReferenceImages images, GenerationOptions options)
            throws GenerationException {
        this.pack = pack;
        this.m = pack.manifest();
        this.project = project;
        this.images = images;
        this.options = options;
        if (m.context().frames() > 1 && !"triangular".equals(m.context().blend())) {
            throw new GenerationException(GenerationError.Kind.PACK, "pack " + m.id() + " has context.blend '"
                    + m.context().blend() + "'; temporal packs must blend overlapping windows with 'triangular'");
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
        this.loop = new DenoisingLoop(pack.session(PackManifest.DENOISER).orElseThrow(), calls, m);
    }

    private static List<ReferenceShot> chooseReferences(Project project, GenerationOptions options) throws GenerationException {
        List<ReferenceShot> chosen = project.generationReferences(options.referencesUsed());
        if (chosen.isEmpty()) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT, "project '" + project.name()
                    + "' has no enabled reference shot to generate from (enable at least one reference)");
        }
        List<String> withoutSkeleton = chosen.stream().filter(r -> !r.hasSkeleton())
                .map(r -> "'" + r.displayName() + "' (" + r.id() + ")").toList();
        if (!withoutSkeleton.isEmpty()) {
            throw new GenerationException(GenerationError.Kind.INVALID_INPUT, (withoutSkeleton.size() == 1
                    ? "reference " + withoutSkeleton.get(0) + " has"
                    : "references " + String.join(", ", withoutSkeleton) + " have")
                    + " no visible body in the skeleton: detect or place it first, or untick the reference");
        }
        return List.copyOf(chosen);
    }

    static int visibleBodyJoints(Pose pose) {
        return ReferenceShot.visibleBodyJoints(pose);
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

    /** CPU time the calling thread spent inside ONNX Runtime so far (see {@link GraphCalls#runtimeCpuNanos()}). */
    public long runtimeCpuNanos() {
        return calls.runtimeCpuNanos();
    }

    /** Time spent inside ONNX Runtime so far (all frames). */
    public long runtimeNanos() {
        return calls.runtimeNanos();
    }

    /**
     * Frames denoised together: 1 for frame-independent packs; for temporal packs ({@code context.frames} > 1) a
     * segment of {@link #TEMPORAL_SEGMENT_WINDOWS} windows, inside which overlapping windows are blended at every
     * step. Segments are independent, which keeps memory flat however long the sequence is.
     */
    @Override
    public int segmentLength() {
        PackManifest.ContextSpec c = m.context();
        if (c.frames() <= 1) {
            return 1;
        }
        return c.frames() + (TEMPORAL_SEGMENT_WINDOWS - 1) * (c.frames() - c.overlap());
    }

    /** Windows per independently denoised segment of a temporal pack. */
    static final int TEMPORAL_SEGMENT_WINDOWS = 8;

    @Override
    public FrameResult generate(int frame, StepObserver observer) throws GenerationException {
        return generateSegment(List.of(frame), observer).get(0);
    }

    /** Per frame, everything the denoiser needs and the UI shows, before any step. */
    private record PreparedFrame(int frame, FrameConditions cond, List<BankSelection> selections, long poseMapNanos,
                                 long referenceNanos, long pcmNanos, long selectionNanos, long runtimeNanos) {
    }

    @Override
    public List<FrameResult> generateSegment(List<Integer> frames, StepObserver observer) throws GenerationException {
        List<PreparedFrame> prepared = new ArrayList<>();
        for (int frame : frames) {
            prepared.add(prepare(frame));
        }
        List<ReferenceFeatures> refs = referenceFeatures();
        long t4 = System.nanoTime();
        long runtimeBeforeDenoise = calls.runtimeNanos();
        float[][] noise = new float[frames.size()][];
        List<DenoisingLoop.FrameInputs> inputs = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            noise[i] = initialNoise(frames.get(i));
            PreparedFrame p = prepared.get(i);
            inputs.add(new DenoisingLoop.FrameInputs(p.cond.poseInputName(), p.cond.poseInput(), p.selections));
        }
        float[][] latents = loop.run(scheduler.start(options.steps()), noise, inputs, options.guidance(), observer,
                this::decodeQuietly, DenoisingLoop.PredictionTap.NONE);
        long t5 = System.nanoTime();
        long denoiseRuntime = calls.runtimeNanos() - runtimeBeforeDenoise;
        List<String> ids = refs.stream().map(ReferenceFeatures::referenceId).toList();
        List<FrameResult> results = new ArrayList<>();
        int n = frames.size();
        for (int i = 0; i < n; i++) {
            long d0 = System.nanoTime();
            long decodeRuntimeBefore = calls.runtimeNanos();
            RgbImage image = decode(latents[i]).orElseResize(project.canvasWidth(), project.canvasHeight());
            long decodeNanos = System.nanoTime() - d0;
            PreparedFrame p = prepared.get(i);
            List<TokenChoice> choices = new ArrayList<>();
            for (BankSelection s : p.selections) {
                choices.add(new TokenChoice(s.bank().name(), s.bank().gridH(), s.bank().gridW(), s.indices().clone(),
                        s.scores().clone(), s.shares()));
            }
            double[] shares = choices.isEmpty() ? new double[refs.size()] : choices.get(0).shares();
            // the segment's denoising time is shared equally by its frames
            long denoise = (t5 - t4) / n;
            long runtime = p.runtimeNanos + denoiseRuntime / n + calls.runtimeNanos() - decodeRuntimeBefore;
            StageTimings timings = new StageTimings(p.poseMapNanos, p.referenceNanos, p.pcmNanos, p.selectionNanos,
                    denoise, decodeNanos, runtime,
                    p.poseMapNanos + p.referenceNanos + p.pcmNanos + p.selectionNanos + denoise + decodeNanos);
            results.add(new FrameResult(p.frame, image, new CorrelationMaps(ids, m.correlationH(), m.correlationW(),
                    p.cond.correlation), choices, shares, timings));
        }
        return results;
    }

    private PreparedFrame prepare(int frame) throws GenerationException {
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
        return new PreparedFrame(frame, cond, selections, t1 - t0, t2 - t1, t3 - t2, t4 - t3,
                calls.runtimeNanos() - runtimeBefore);
    }

    private float[] initialNoise(int frame) {
        if (m.noiseSharedAcrossFrames()) {
            // the same seeded noise for every frame: drawn once (49k Gaussian draws are a visible share of a frame)
            if (sharedNoise == null) {
                sharedNoise = drawNoise(frame);
            }
            return sharedNoise.clone();
        }
        return drawNoise(frame);
    }

    private float[] drawNoise(int frame) {
        SchedulerRun run = scheduler.start(options.steps());
        float[] x = GaussianNoise.forFrame(options.seed(), frame, m.noiseSharedAcrossFrames(), m.latent().size());
        if (run.initNoiseSigma() != 1.0) {
            for (int i = 0; i < x.length; i++) {
                x[i] *= (float) run.initNoiseSigma();
            }
        }
        return x;
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
            if (referencePoseBatch == null) {
                // the references' pose maps stacked along N: the same for every frame of this pipeline
                referencePoseBatch = new float[n * poseMaps.size()];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(refs.get(i).poseMap(), 0, referencePoseBatch, i * poseMaps.size(), poseMaps.size());
                }
            }
            float[] refMaps = referencePoseBatch;
            Map<String, TensorIn> in = new HashMap<>();
            in.put("ref_pose", TensorIn.unchanging(refMaps, n, 3, mh, mw));
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
