package org.fvstudio.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The generation options of {@code render} and of the render tasks {@code farm} writes. */
final class GenerationArgs {

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

    /** The options given, as arguments of another {@code fvstudio render}. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>();
        if (device != null) {
            args.addAll(List.of("--device", device));
        }
        if (steps != null) {
            args.addAll(List.of("--steps", steps.toString()));
        }
        if (seed != null) {
            args.addAll(List.of("--seed", seed.toString()));
        }
        if (pack != null) {
            args.addAll(List.of("--pack", pack));
        }
        if (threads > 0) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
        return args;
    }
}
