package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fvstudio.app.farm.FarmJob;
import org.fvstudio.app.farm.FrameRanges;
import org.fvstudio.app.farm.FrameSelection;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code fvstudio farm openjd} and {@code farm k8s} share: the project, the frames, the chunks, the render options. */
final class FarmJobOptions {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs), on storage every worker reaches")
    Path projectDir;

    @Option(names = "--chunk-size", paramLabel = "N", required = true, description = "frames per task")
    int chunkSize;

    @Option(names = "--frames", paramLabel = "SPEC", description = "frames in the farm range grammar (default: all)")
    String frames;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "folder to write the job description to")
    Path to;

    @Option(names = "--out", paramLabel = "DIR", description = "shared output folder of the frames (default: NAME-frames beside the project)")
    Path out;

    @Option(names = "--mp4", paramLabel = "FILE", description = "the video of the assemble step (default: NAME.mp4 beside the project)")
    Path mp4;

    @Option(names = "--command", paramLabel = "PATH", defaultValue = "fvstudio",
            description = "the launcher on the workers (default: ${DEFAULT-VALUE})")
    String command;

    /**
     * @throws IllegalArgumentException for bad options (the message names the option)
     * @throws IOException              when the project cannot be read
     */
    FarmJob job(GenerationArgs generation) throws IOException, ProjectFormatException {
        Path project = projectDir.toAbsolutePath().normalize();
        Project p = ProjectBundle.open(project).project();
        String dev = generation.device != null ? generation.device : p.generation().device();
        CliSupport.checkGenerationOptions(generation.steps, dev, generation.threads);
        List<Integer> selected = FrameSelection.resolve(frames, null, false, p.frameCount());
        String base = project.getFileName().toString().replaceFirst("\\.fvs$", "");
        Path output = (out != null ? out : project.resolveSibling(base + "-frames")).toAbsolutePath().normalize();
        Path video = (mp4 != null ? mp4 : project.resolveSibling(base + ".mp4")).toAbsolutePath().normalize();
        return new FarmJob(p.name(), project, output, video, FrameRanges.format(selected), selected.size(), chunkSize,
                generation.asArguments(), command, "cuda".equals(dev));
    }
}
