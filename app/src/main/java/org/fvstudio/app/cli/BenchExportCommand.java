package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fvstudio.export.ExportException;
import org.fvstudio.app.bench.ExportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fvstudio bench export}: export frames per second at 512x512 (issue 6). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export frames per second at 512x512.",
            "H.264 MP4 at every quality, a PNG sequence, and the side-by-side review video with heatmaps;",
            "the frames are a photograph panned across the canvas."})
public final class BenchExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--frames", defaultValue = "96", paramLabel = "N", description = "frames per export (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--image", paramLabel = "FILE",
            description = "PNG to pan (default: the real astronaut photo of the test material, else a synthetic pattern)")
    Path image;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (frames < 1) {
            err.println("fvstudio bench export: --frames must be >= 1, got " + frames);
            return 2;
        }
        if (image != null && !Files.isRegularFile(image)) {
            err.println("fvstudio bench export: " + image + ": file not found");
            return 1;
        }
        try {
            out.println("fvstudio bench export: machine: " + CliSupport.machine());
            CliSupport.printTo(out, stream -> ExportBenchmark.run(frames, image, stream));
            return 0;
        } catch (IOException | ExportException e) {
            err.println("fvstudio bench export: " + e.getMessage());
            return 1;
        }
    }
}
