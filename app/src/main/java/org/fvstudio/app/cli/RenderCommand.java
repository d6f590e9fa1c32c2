package org.fvstudio.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
import org.fvstudio.inference.job.ProgressEvent;
import org.fvstudio.inference.job.Result;
import org.fvstudio.inference.job.StageTimings;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fvstudio render PROJECT --frames A-B --out DIR}: frames as PNG, one heatmap PNG per reference and
 * frame, and stats.json with per-frame timings, shares and map ranges; {@code --mp4 FILE} encodes the frames
 * (or, with {@code --review}, the review composition) as H.264. A progress bar on the terminal.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Generate frames of a project (PNG frames, correlation heatmaps, per-frame stats JSON, MP4).")
public final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--frames", paramLabel = "A-B", description = "frame range, inclusive (default: all)")
    String frames;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder for PNG frames, heatmaps and stats.json")
    Path out;

    @Option(names = "--mp4", paramLabel = "FILE", description = "also (or only) write the frames as an H.264 MP4")
    Path mp4;

    @Option(names = "--quality", paramLabel = "draft|standard|high", defaultValue = "standard",
            description = "MP4 quality (default: ${DEFAULT-VALUE})")
    String quality;

    @Option(names = "--review", description = "the MP4 shows target skeleton | generated frame | each reference's heatmap")
    boolean review;

    @Option(names = "--device", description = "auto, cpu or cuda (default: the project's setting)")
    String device;

    @Option(names = "--steps", description = "denoising steps (default: the project's setting)")
    Integer steps;

    @Option(names = "--seed", description = "noise seed (default: the project's setting)")
    Long seed;

    @Option(names = "--pack", description = "pack folder or id (default: the project's pack)")
    String pack;

    @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads (0 = its default)")
    int threads;

    @Override
    public Integer call() {
        Project project;
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
            project = bundle.project();
        } catch (IOException | ProjectFormatException e) {
            System.err.println("fvstudio render: cannot open project " + projectDir + ": " + e.getMessage());
            return 2;
        }
        List<Integer> frameList;
        VideoQuality videoQuality;
        try {
            if (out == null && mp4 == null) {
                throw new IllegalArgumentException("say where to write: --out DIR, --mp4 FILE or both");
            }
            if (review && mp4 == null) {
                throw new IllegalArgumentException("--review needs --mp4 FILE");
            }
            CliSupport.checkGenerationOptions(steps, device != null ? device : project.generation().device(), threads);
            videoQuality = quality(quality);
            frameList = CliSupport.frames(frames, project.frameCount());
            if (out != null) {
                Files.createDirectories(out);
            }
            Path videoFolder = mp4 == null ? null : mp4.toAbsolutePath().getParent();
            if (videoFolder != null && !Files.isDirectory(videoFolder)) {
                throw new IllegalArgumentException("cannot write " + mp4 + ": the folder " + videoFolder + " does not exist");
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return 2;
        }
        GenerationOptions options = GenerationOptions.from(project.generation());
        if (steps != null) {
            options = options.withSteps(steps);
        }
        if (seed != null) {
            options = options.withSeed(seed);
        }
        String dev = device != null ? device : project.generation().device();
        try (ModelPack p = ModelPack.open(CliSupport.resolvePack(pack, project.generation().packId(), bundle.dir()),
                CliSupport.settings(dev, threads))) {
            System.err.println("pack " + p.manifest().id() + ", denoiser on " + p.session("denoiser").orElseThrow().device()
                    + " (" + p.session("denoiser").orElseThrow().deviceNote() + ")");
            ReferenceImages pictures = CliSupport.images(bundle);
            GenerationPipeline pipeline = new GenerationPipeline(p, project, pictures, options);
            Mp4Render video = mp4 == null ? null : new Mp4Render(project);
            ObjectMapper json = new ObjectMapper();
            ArrayNode stats = json.createArrayNode();
            GenerationJob job = new GenerationJob(pipeline, frameList, new GenerationListener() {
                @Override
                public void onProgress(ProgressEvent e) {
                    CliSupport.progressBar(System.err, e);
                }

                @Override
                public void onFrame(FrameResult r) {
                    if (out != null) {
                        stats.add(writeFrame(r, json));
                    }
                    if (video != null) {
                        video.add(r);
                    }
                }
            }, 0);
            Result<JobSummary> outcome = job.run();
            System.err.println();
            ObjectNode root = json.createObjectNode();
            root.put("project", project.name()).put("pack", p.manifest().id()).put("steps", options.steps())
                    .put("seed", options.seed()).put("guidance", options.guidance())
                    .put("device", p.session("denoiser").orElseThrow().device().toString());
            root.set("frames", stats);
            if (out != null) {
                json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("stats.json").toFile(), root);
            }
            if (outcome instanceof Result.Err<JobSummary> err) {
                System.err.println("fvstudio render: " + err.error().message());
                return 1;
            }
            if (out != null) {
                System.err.println("wrote " + outcome.orElseThrow().framesDone() + " frames to " + out);
            }
            if (video != null) {
                ExportResult written = video.write(mp4, videoQuality, review, pictures, System.err);
                System.err.printf("wrote %s: %d frames, %dx%d, %s, %.1f frames/s%n", written.path(), written.frames(),
                        written.width(), written.height(), written.encoder(), written.framesPerSecond());
            }
            return 0;
        } catch (ExportException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return 1;
        } catch (ModelLoadException | GenerationException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("fvstudio render: cannot write to " + (out != null ? out : mp4) + ": " + e.getMessage());
            return 1;
        }
    }

    private static VideoQuality quality(String name) {
        for (VideoQuality q : VideoQuality.values()) {
            if (q.name().equalsIgnoreCase(name.strip())) {
                return q;
            }
        }
        throw new IllegalArgumentException("--quality must be draft, standard or high, got '" + name + "'");
    }

    private ObjectNode writeFrame(FrameResult r, ObjectMapper json) {
        try {
            String name = String.format("frame_%05d", r.frame());
            PngImages.write(r.image(), out.resolve(name + ".png"));
            float[] range = r.correlation().range();
            HeatmapRange shared = new HeatmapRange(range[0], range[1]);
            ObjectNode s = json.createObjectNode();
            s.put("frame", r.frame()).put("image", name + ".png");
            StageTimings t = r.timings();
            s.put("seconds", t.totalSeconds()).put("pose_map_ms", t.poseMapNanos() / 1e6)
                    .put("reference_ms", t.referenceNanos() / 1e6).put("pcm_ms", t.pcmNanos() / 1e6)
                    .put("selection_ms", t.selectionNanos() / 1e6).put("denoise_ms", t.denoiseNanos() / 1e6)
                    .put("decode_ms", t.decodeNanos() / 1e6).put("java_overhead_fraction", t.overheadFraction());
            ArrayNode refs = s.putArray("references");
            for (int i = 0; i < r.correlation().referenceIds().size(); i++) {
                String id = r.correlation().referenceIds().get(i);
                String heat = String.format("heatmap_%05d_%s.png", r.frame(), id.replaceAll("[^A-Za-z0-9_-]", "_"));
                FloatMap map = FloatMap.of(r.correlation().width(), r.correlation().height(), r.correlation().of(i));
                PngImages.write(HeatmapOverlay.colorize(map, shared, 256, 256), out.resolve(heat));
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (float v : r.correlation().of(i)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                ObjectNode ref = refs.addObject().put("id", id).put("heatmap", heat).put("share", r.shares()[i])
                        .put("correlation_min", lo).put("correlation_max", hi);
                ObjectNode perBank = ref.putObject("selected_tokens");
                for (TokenChoice c : r.selections()) {
                    int count = 0;
                    for (boolean b : c.mask(i)) {
                        count += b ? 1 : 0;
                    }
                    perBank.put(c.bank(), count);
                }
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
