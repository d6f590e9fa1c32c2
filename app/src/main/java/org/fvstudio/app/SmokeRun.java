package org.fvstudio.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.BundleReferenceImages;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import org.fvstudio.ui.generation.PackResolver;

/**
 * {@code fvstudio --smoke}: the installation check of a packaged build, with no display. Opens the bundled
 * sample project and pack, generates its first frame on the CPU with two steps, writes it as
 * {@code frame.png} into the given folder and prints {@code smoke: ok}.
 */
final class SmokeRun {

    static final int STEPS = 2;

    private SmokeRun() {
    }

    static int run(Path out, PrintWriter log, PrintWriter err) {
        Optional<BundledAssets> assets = BundledAssets.locate();
        Optional<Path> sample = assets.flatMap(BundledAssets::sampleProject);
        if (sample.isEmpty()) {
            err.println("smoke: the bundled sample project was not found (assets folder: "
                    + assets.map(a -> a.root().toString()).orElse("none") + ")");
            return 1;
        }
        try {
            ProjectBundle bundle = ProjectBundle.open(sample.get());
            Project project = bundle.project();
            SessionSettings cpu = SessionSettings.defaults().withDevice(DevicePreference.CPU);
            try (ModelPack pack = ModelPack.open(PackResolver.resolve(project.generation().packId()), cpu)) {
                GenerationOptions options = GenerationOptions.from(project.generation()).withSteps(STEPS);
                GenerationPipeline pipeline = new GenerationPipeline(pack, project, new BundleReferenceImages(bundle), options);
                FrameResult result = pipeline.generate(0, (done, steps, preview) -> { });
                Files.createDirectories(out);
                Path frame = out.resolve("frame.png");
                PngImages.write(result.image(), frame);
                log.printf("smoke: ok: %s, pack %s, frame 0 (%dx%d) in %.2f s -> %s%n", project.name(),
                        pack.manifest().id(), result.image().width(), result.image().height(),
                        result.timings().totalSeconds(), frame);
                log.flush();
                return 0;
            }
        } catch (IOException | ProjectFormatException | ModelLoadException | GenerationException e) {
            err.println("smoke: " + e.getMessage());
            return 1;
        }
    }
}
