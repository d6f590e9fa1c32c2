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
import org.fvstudio.inference.image.Heatmaps;
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
import org.fvstudio.inference.pack.PackLocator;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
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
 * frame, and stats.json with per-frame timings, shares and map ranges; a progress bar on the terminal.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Generate frames of a project (PNG frames, correlation heatmaps, per-frame stats JSON).")
public final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--frames", paramLabel = "A-B", description = "frame range, inclusive (default: all)")
    String frames;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

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
        try {
            frameList = CliSupport.frames(frames, project.frameCount());
            Files.createDirectories(out);
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
        try (ModelPack p = ModelPack.open(PackLocator.resolve(pack != null ? pack : project.generation().packId()),
                CliSupport.settings(dev, threads))) {
            System.err.println("pack " + p.manifest().id() + ", denoiser on " + p.session("denoiser").orElseThrow().device()
                    + " (" + p.session("denoiser").orElseThrow().deviceNote() + ")");
            GenerationPipeline pipeline = new GenerationPipeline(p, project, CliSupport.images(bundle), options);
            ObjectMapper json = new ObjectMapper();
            ArrayNode stats = json.createArrayNode();
            GenerationJob job = new GenerationJob(pipeline, frameList, new GenerationListener() {
                @Override
                public void onProgress(ProgressEvent e) {
                    CliSupport.progressBar(System.err, e);
                }

                @Override
                public void onFrame(FrameResult r) {
                    stats.add(writeFrame(r, json));
                }
            }, 0);
            Result<JobSummary> outcome = job.run();
            System.err.println();
            ObjectNode root = json.createObjectNode();
            root.put("project", project.name()).put("pack", p.manifest().id()).put("steps", options.steps())
                    .put("seed", options.seed()).put("guidance", options.guidance())
                    .put("device", p.session("denoiser").orElseThrow().device().toString());
            root.set("frames", stats);
            json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("stats.json").toFile(), root);
            if (outcome instanceof Result.Err<JobSummary> err) {
                System.err.println("fvstudio render: " + err.error().message());
                return 1;
            }
            System.err.println("wrote " + outcome.orElseThrow().framesDone() + " frames to " + out);
            return 0;
        } catch (ModelLoadException | GenerationException e) {
            System.err.println("fvstudio render: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("fvstudio render: cannot write to " + out + ": " + e.getMessage());
            return 1;
        }
    }

    private ObjectNode writeFrame(FrameResult r, ObjectMapper json) {
        try {
            String name = String.format("frame_%05d", r.frame());
            PngImages.write(r.image(), out.resolve(name + ".png"));
            float[] range = r.correlation().range();
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
                PngImages.write(Heatmaps.render(r.correlation().of(i), r.correlation().height(), r.correlation().width(),
                        range[0], range[1], 256, 256), out.resolve(heat));
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
