package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.fvstudio.inference.job.StepObserver;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pipeline.BundleReferenceImages;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.io.FolderCopy;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a sequence rendered in chunks by several worker processes into one folder equals the sequence rendered
 * by one process, byte for byte (frames, heatmaps) and value for value (stats, timings aside); a worker sent
 * SIGTERM stops with exit 5, one killed with SIGKILL mid-chunk leaves no half-written frame, and a re-run
 * completes the same frames. Real JVMs on the test class path, the bundled sample with the bundled pack at 2 steps,
 * and a temporal test pack whose denoiser mixes the frames of a context window.
 */
class FarmRenderTest {

    private static final List<String> SETTINGS = List.of("--device", "cpu", "--threads", "1", "--progress", "plain");
    private static final Pattern FRAME_DONE = Pattern.compile("(?m)^frame \\d+ done \\(");

    @TempDir
    Path tmp;

    @Test
    void threeConcurrentChunksIntoOneFolderEqualOneProcess() throws Exception {
        Path project = copySample();
        Path single = tmp.resolve("single");
        assertThat(render(project, "single.log", "--frames", "0-8", "--steps", "2", "--out", single.toString())).isZero();

        Path shared = tmp.resolve("shared");
        List<FvStudioProcess> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(start(project, "worker" + i + ".log", "--frames", "0-8", "--chunk", i + "/3", "--steps", "2",
                    "--out", shared.toString()));
        }
        for (FvStudioProcess worker : workers) {
            assertThat(worker.waitFor()).as(worker.output()).isZero();
            assertThat(worker.output()).contains("wrote 3 frames to " + shared);
        }
        RenderFolders.assertSameRender(single, shared);
        RenderFolders.assertNoTemporaries(shared);
        assertThat(Files.readString(tmp.resolve("worker0.log"))).containsPattern(FRAME_DONE).doesNotContain("\r");
    }

    @Test
    void aWorkerKilledMidChunkLeavesWholeFramesAndARerunCompletesTheSameRender() throws Exception {
        Path project = copySample();
        Path single = tmp.resolve("single");
        List<String> range = List.of("--frames", "0-23", "--steps", "2");
        assertThat(render(project, "single.log", concat(range, "--out", single.toString()))).isZero();

        Path out = tmp.resolve("killed");
        // SIGTERM, as a farm cancels a task: the worker stops between two steps, keeps its frames, exits 5.
        FvStudioProcess cancelled = start(project, "cancelled.log", concat(range, "--out", out.toString()));
        awaitFrames(cancelled, 2);
        cancelled.process().destroy();
        assertThat(cancelled.waitFor()).as(cancelled.output()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(cancelled.output()).contains("cancelled by a signal after");
        RenderFolders.assertNoTemporaries(out);

        FvStudioProcess worker = start(project, "killed.log", concat(range, "--out", out.toString()));
        awaitFrames(worker, 3);
        worker.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        worker.waitFor();
        long finished = FRAME_DONE.matcher(worker.output()).results().count();
        assertThat(finished).as("the worker was killed mid-chunk:%n%s", worker.output()).isBetween(3L, 21L);
        // What the kill left: complete frames only, each with its stats, and a stats.json that parses.
        for (String name : RenderFolders.visibleFiles(out)) {
            if (name.startsWith("frame_") && name.endsWith(".png")) {
                assertThat(PngImages.read(out.resolve(name)).width()).isEqualTo(512);
            }
        }
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("stats.json").toFile())
                .get("frames").size()).isPositive();

        assertThat(render(project, "rerun.log", concat(range, "--out", out.toString()))).isZero();
        String rerun = Files.readString(tmp.resolve("rerun.log"));
        assertThat(rerun).containsPattern("\\d+ of 24 frames already in .* from the same inputs: skipped");
        RenderFolders.assertSameRender(single, out);
        RenderFolders.assertNoTemporaries(out);
    }

    @Test
    void chunksOfATemporalPackEqualOneProcessBecauseEachRendersItsContext() throws Exception {
        Path project = CliProjects.create(tmp.resolve("Temporal.fvs"), 20);
        Path pack = Path.of(System.getProperty("user.dir")).resolve("src/test/resources/packs/temporal-mini");
        Path single = tmp.resolve("single");
        assertThat(render(project, "single.log", "--pack", pack.toString(), "--out", single.toString())).isZero();
        assertThat(Files.readString(tmp.resolve("single.log"))).doesNotContain("context frames");

        Path shared = tmp.resolve("shared");
        List<FvStudioProcess> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(start(project, "worker" + i + ".log", "--chunk", i + "/3", "--pack", pack.toString(),
                    "--out", shared.toString()));
        }
        for (FvStudioProcess worker : workers) {
            assertThat(worker.waitFor()).as(worker.output()).isZero();
        }
        // segments of 17 frames (8 windows of 3, stride 2): chunk 0-5 computes 11 frames of context
        assertThat(workers.get(0).output()).contains("temporal pack: 11 context frames");
        RenderFolders.assertSameRender(single, shared);

        // The context matters: frame 7 denoised on its own (no neighbours in its window) comes out otherwise.
        ProjectBundle bundle = ProjectBundle.open(project);
        try (ModelPack p = ModelPack.open(pack, SessionSettings.defaults())) {
            GenerationPipeline alone = new GenerationPipeline(p, bundle.project(), new BundleReferenceImages(bundle),
                    GenerationOptions.from(bundle.project().generation()));
            StepObserver quiet = (done, steps, preview) -> { };
            RgbImage withoutContext = alone.generate(7, quiet).image();
            RgbImage farm = PngImages.read(shared.resolve("frame_00007.png"));
            assertThat(farm.packedPixels()).isNotEqualTo(withoutContext.packedPixels());
        }
    }

    private static void awaitFrames(FvStudioProcess worker, int frames) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (FRAME_DONE.matcher(worker.output()).results().count() < frames && worker.process().isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private Path copySample() throws Exception {
        Path copy = tmp.resolve("Sample.fvs");
        FolderCopy.copy(Path.of(System.getProperty("user.dir")).resolve("../assets/sample/Sample.fvs").normalize(), copy);
        return copy;
    }

    private int render(Path project, String log, String... args) throws Exception {
        return render(project, log, List.of(args));
    }

    private int render(Path project, String log, List<String> args) throws Exception {
        FvStudioProcess p = start(project, log, args);
        int rc = p.waitFor();
        if (rc != 0) {
            System.err.println(p.output());
        }
        return rc;
    }

    private FvStudioProcess start(Path project, String log, String... args) throws Exception {
        return start(project, log, List.of(args));
    }

    private FvStudioProcess start(Path project, String log, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("render", project.toString()));
        command.addAll(args);
        command.addAll(SETTINGS);
        return FvStudioProcess.start(tmp, tmp.resolve(log), command);
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
