package org.fvstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fvstudio.app.farm.ContextSegments;
import org.fvstudio.app.farm.FrameFolder;
import org.fvstudio.input.FileProblems;
import org.fvstudio.app.farm.FrameSelection;
import org.fvstudio.app.farm.RenderKeys;
import org.fvstudio.cache.CacheKey;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.HeatmapOverlay;
import org.fvstudio.export.HeatmapRange;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.JobSummary;
import org.fvstudio.inference.job.OutOfMemory;
import org.fvstudio.inference.job.ProgressEvent;
import org.fvstudio.inference.job.Result;
import org.fvstudio.inference.job.StageTimings;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fvstudio render PROJECT --frames SPEC --out DIR}: frames as PNG, one heatmap PNG per reference and frame,
 * each frame's stats beside it ({@code frame_N.json}) and stats.json over all of them; {@code --mp4 FILE} encodes the
 * frames (or, with {@code --review}, the review composition) as H.264. A farm task: frame ranges in the farm's
 * grammar, {@code --chunk i/n}, a re-run skips the frames already rendered from the same inputs, and any number of
 * workers may share one {@code --out} (docs/farm.md).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Generate frames of a project (PNG frames, correlation heatmaps, per-frame stats JSON, MP4).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:failed (cannot write, unexpected error)", "2:bad options or input",
            "3:model pack missing or damaged", "4:out of memory or device failure", "5:cancelled (SIGTERM/SIGINT)"})
public final class RenderCommand implements Callable<Integer> {

    /** stats.json is rebuilt at most this often while frames complete (and always at the end). */
    private static final long STATS_EVERY_NANOS = 2_000_000_000L;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--frames", paramLabel = "SPEC",
            description = "frames in the farm range grammar: 1-100, 1,3,7-20:2 (default: all)")
    String frames;

    @Option(names = "--chunk", paramLabel = "I/N", description = "only chunk I (from 0) of N equal contiguous chunks of the frames")
    String chunk;

    @Option(names = "--clamp", description = "drop frames beyond the project's end instead of refusing them (OpenCue chunks)")
    boolean clamp;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder for PNG frames, heatmaps, per-frame stats and stats.json")
    Path out;

    @Option(names = "--force", description = "render every frame again, even those already in --out from the same inputs")
    boolean force;

    @Option(names = "--mp4", paramLabel = "FILE", description = "also (or only) write the frames as an H.264 MP4")
    Path mp4;

    @Option(names = "--quality", paramLabel = "draft|standard|high", defaultValue = "standard",
            description = "MP4 quality (default: ${DEFAULT-VALUE})")
    String quality;

    @Option(names = "--review", description = "the MP4 shows target skeleton | generated frame | each reference's heatmap")
    boolean review;

    @Mixin
    GenerationArgs generation = new GenerationArgs();

    @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
            description = "a bar on a terminal, one line per frame otherwise (default: ${DEFAULT-VALUE})")
    String progressMode;

    @Override
    public Integer call() {
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
        } catch (IOException | ProjectFormatException e) {
            System.err.println("fvstudio render: cannot open project " + projectDir + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Project project = bundle.project();
        List<Integer> requested;
        VideoQuality videoQuality;
        RenderProgress progress;
        try {
            if (out == null && mp4 == null) {
                throw new IllegalArgumentException("say where to write: --out DIR, --mp4 FILE or both");
            }
            if (review && mp4 == null) {
                throw new IllegalArgumentException("--review needs --mp4 FILE");
            }
            CliSupport.checkGenerationOptions(generation.steps,
                    generation.device != null ? generation.device : project.generation().device(), generation.threads);
            videoQuality = quality(quality);
            progress = RenderProgress.of(progressMode, System.err);
            requested = FrameSelection.resolve(frames, chunk, clamp, project.frameCount());
            if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
            }
            if (out != null) {
                try {
                    Files.createDirectories(out);
                } catch (IOException e) {
                    throw new IllegalArgumentException(FileProblems.describe(e), e);
                }
            }
            Path videoFolder = mp4 == null ? null : mp4.toAbsolutePath().getParent();
            if (videoFolder != null && !Files.isDirectory(videoFolder)) {
                throw new IllegalArgumentException("cannot write " + mp4 + ": the folder " + videoFolder + " does not exist");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        GenerationOptions options = GenerationOptions.from(project.generation());
        if (generation.steps != null) {
            options = options.withSteps(generation.steps);
        }
        if (generation.seed != null) {
            options = options.withSeed(generation.seed);
        }
        String dev = generation.device != null ? generation.device : project.generation().device();
        try {
            Path packFolder = CliSupport.resolvePack(generation.pack, project.generation().packId(), bundle.dir());
            try (ModelPack p = ModelPack.open(packFolder, CliSupport.settings(dev, generation.threads))) {
                System.err.println("pack " + p.manifest().id() + ", denoiser on " + p.session("denoiser").orElseThrow().device()
                        + " (" + p.session("denoiser").orElseThrow().deviceNote() + ")");
                GenerationSettings g = project.generation();
                Project rendered = project.withGeneration(new GenerationSettings(p.manifest().id(), dev, options.steps(),
                        options.guidance(), options.seed(), g.tokenBudget(), g.referencesUsed()));
                return render(bundle, rendered, p, packFolder, options, requested, videoQuality, progress);
            }
        } catch (PackException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return ExitCodes.PACK;
        } catch (ModelLoadException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return ExitCodes.DEVICE;
        } catch (GenerationException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return ExitCodes.of(e.kind());
        } catch (ExportException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("fvstudio render: cannot write to " + (out != null ? out : mp4) + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (OutOfMemoryError e) {
            System.err.println("fvstudio render: " + OutOfMemory.describe());
            return ExitCodes.DEVICE;
        }
    }

    private int render(ProjectBundle bundle, Project project, ModelPack p, Path packFolder, GenerationOptions options,
                       List<Integer> requested, VideoQuality videoQuality, RenderProgress progress)
            throws GenerationException, IOException, ExportException {
        ReferenceImages pictures = CliSupport.images(bundle);
        GenerationPipeline pipeline = new GenerationPipeline(p, project, pictures, options);
        ObjectNode header = new ObjectMapper().createObjectNode();
        header.put("project", project.name()).put("pack", p.manifest().id()).put("steps", options.steps())
                .put("seed", options.seed()).put("guidance", options.guidance())
                .put("device", p.session("denoiser").orElseThrow().device().toString());
        FrameFolder folder = out == null ? null : FrameFolder.open(out);
        try {
            RenderKeys keys = folder == null ? null : RenderKeys.of(project, bundle, packFolder, pipeline.segmentLength());
            List<Integer> todo = requested;
            if (folder != null && mp4 == null && !force) {
                todo = requested.stream().filter(f -> folder.upToDate(f, keys.key(f)).isEmpty()).toList();
                if (todo.size() < requested.size()) {
                    System.err.println((requested.size() - todo.size()) + " of " + requested.size()
                            + " frames already in " + out + " from the same inputs: skipped");
                }
            }
            if (todo.isEmpty()) {
                folder.rewriteStats(header);
                System.err.println("nothing to render: all " + requested.size() + " frames are up to date in " + out);
                return ExitCodes.OK;
            }
            List<Integer> generate = ContextSegments.framesToGenerate(todo, pipeline.segmentLength(), project.frameCount());
            if (generate.size() > todo.size()) {
                System.err.println("temporal pack: " + (generate.size() - todo.size()) + " context frames generated and "
                        + "not written (whole segments of " + pipeline.segmentLength() + " frames)");
            }
            FrameWriter writer = new FrameWriter(folder, keys, new HashSet<>(todo), mp4 == null ? null : new Mp4Render(project),
                    progress, header);
            GenerationJob job = new GenerationJob(pipeline, generate, writer, 0);
            writer.job = job;
            Result<JobSummary> outcome;
            try (SignalCancellation signals = new SignalCancellation(job::cancel)) {
                try {
                    outcome = job.run();
                    progress.finish();
                    if (folder != null) {
                        folder.rewriteStats(header);
                    }
                    return report(outcome, writer, todo.size(), signals.signalled(), videoQuality, pictures);
                } finally {
                    if (folder != null) {
                        folder.close(); // before the signal's hook may end the process
                    }
                }
            }
        } finally {
            if (folder != null) {
                folder.close();
            }
        }
    }

    private int report(Result<JobSummary> outcome, FrameWriter writer, int wanted, boolean signalled,
                       VideoQuality videoQuality, ReferenceImages pictures) throws ExportException, GenerationException {
        if (writer.failure != null) {
            System.err.println("fvstudio render: cannot write frame " + writer.failedFrame + " to " + out + ": "
                    + reason(writer.failure) + "; " + writer.done + " frames were written before it");
            return ExitCodes.FAILED;
        }
        if (outcome instanceof Result.Err<JobSummary> err) {
            System.err.println("fvstudio render: " + err.error().message());
            return ExitCodes.of(err.error().kind());
        }
        if (outcome.orElseThrow().cancelled()) {
            System.err.println("fvstudio render: cancelled" + (signalled ? " by a signal" : "") + " after " + writer.done
                    + " of " + wanted + " frames" + (out != null ? "; run it again to render the rest" : ""));
            return ExitCodes.CANCELLED;
        }
        if (out != null) {
            System.err.println("wrote " + writer.done + " frames to " + out);
        }
        if (writer.video != null) {
            ExportResult written = writer.video.write(mp4, videoQuality, review, pictures, System.err);
            System.err.printf("wrote %s: %d frames, %dx%d, %s, %.1f frames/s%n", written.path(), written.frames(),
                    written.width(), written.height(), written.encoder(), written.framesPerSecond());
        }
        return ExitCodes.OK;
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.contains("No space left") ? "the disk is full" : message;
    }

    static VideoQuality quality(String name) {
        for (VideoQuality q : VideoQuality.values()) {
            if (q.name().equalsIgnoreCase(name.strip())) {
                return q;
            }
        }
        throw new IllegalArgumentException("--quality must be draft, standard or high, got '" + name + "'");
    }

    /**
     * Receives the generated frames: writes the wanted ones (not a temporal pack's context frames) to the folder and
     * the video; the first write failure stops the job.
     */
    private final class FrameWriter implements GenerationListener {
        private final FrameFolder folder;
        private final RenderKeys keys;
        private final Set<Integer> wanted;
        private final Mp4Render video;
        private final RenderProgress progress;
        private final ObjectNode header;
        private final ObjectMapper json = new ObjectMapper();
        private GenerationJob job;
        private int done;
        private long lastStats = System.nanoTime() - STATS_EVERY_NANOS;
        private IOException failure;
        private int failedFrame;

        FrameWriter(FrameFolder folder, RenderKeys keys, Set<Integer> wanted, Mp4Render video, RenderProgress progress,
                    ObjectNode header) {
            this.folder = folder;
            this.keys = keys;
            this.wanted = wanted;
            this.video = video;
            this.progress = progress;
            this.header = header;
        }

        @Override
        public void onProgress(ProgressEvent e) {
            progress.step(e);
        }

        @Override
        public void onFrame(FrameResult r) {
            if (!wanted.contains(r.frame()) || failure != null) {
                return;
            }
            if (folder != null) {
                try {
                    write(r);
                } catch (IOException e) {
                    failure = e;
                    failedFrame = r.frame();
                    job.cancel();
                    return;
                }
            }
            if (video != null) {
                video.add(r);
            }
            done++;
            progress.frameDone(r.frame(), done, wanted.size(), r.timings().totalSeconds());
        }

        private void write(FrameResult r) throws IOException {
            CacheKey key = keys.key(r.frame());
            String name = FrameFolder.frameName(r.frame());
            Map<String, byte[]> files = new LinkedHashMap<>();
            ObjectNode s = json.createObjectNode();
            s.put("frame", r.frame()).put("image", name + ".png");
            StageTimings t = r.timings();
            s.put("seconds", t.totalSeconds()).put("pose_map_ms", t.poseMapNanos() / 1e6)
                    .put("reference_ms", t.referenceNanos() / 1e6).put("pcm_ms", t.pcmNanos() / 1e6)
                    .put("selection_ms", t.selectionNanos() / 1e6).put("denoise_ms", t.denoiseNanos() / 1e6)
                    .put("decode_ms", t.decodeNanos() / 1e6).put("java_overhead_fraction", t.overheadFraction());
            float[] range = r.correlation().range();
            HeatmapRange shared = new HeatmapRange(range[0], range[1]);
            ArrayNode refs = s.putArray("references");
            for (int i = 0; i < r.correlation().referenceIds().size(); i++) {
                String id = r.correlation().referenceIds().get(i);
                String heat = String.format("heatmap_%05d_%s.png", r.frame(), id.replaceAll("[^A-Za-z0-9_-]", "_"));
                FloatMap map = FloatMap.of(r.correlation().width(), r.correlation().height(), r.correlation().of(i));
                files.put(heat, png(HeatmapOverlay.colorize(map, shared, 256, 256)));
                ObjectNode ref = refs.addObject().put("id", id).put("heatmap", heat).put("share", r.shares()[i])
                        .put("correlation_min", map.min()).put("correlation_max", map.max());
                ObjectNode perBank = ref.putObject("selected_tokens");
                for (TokenChoice c : r.selections()) {
                    int count = 0;
                    for (boolean b : c.mask(i)) {
                        count += b ? 1 : 0;
                    }
                    perBank.put(c.bank(), count);
                }
            }
            files.put(name + ".png", png(r.image()));
            folder.commit(r.frame(), key, files, s);
            if (System.nanoTime() - lastStats >= STATS_EVERY_NANOS) {
                folder.rewriteStats(header);
                lastStats = System.nanoTime();
            }
        }

        private static byte[] png(RgbImage image) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PngImages.write(image, bytes);
            return bytes.toByteArray();
        }
    }
}
