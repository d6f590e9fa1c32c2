package org.fvstudio.app.farm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One farm render of a project, as the job descriptions spell it: which frames, in chunks of how many, where the
 * frames and the video go, and the {@code fvstudio render} options every task repeats (device, steps, seed, pack).
 *
 * @param frames        the frames in the farm range grammar, as every task and the assemble step receive them
 * @param frameCount    how many frames that is
 * @param renderOptions extra options of every render task, e.g. {@code --device cuda --steps 20}
 * @param command       the launcher on the workers (on their PATH, or a full path)
 * @param gpu           the tasks need a GPU ({@code --device cuda})
 */
public record FarmJob(String name, Path project, Path out, Path video, String frames, int frameCount, int chunkSize,
                      List<String> renderOptions, String command, boolean gpu) {

    public FarmJob {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1, got " + chunkSize);
        }
        renderOptions = List.copyOf(renderOptions);
    }

    /** Chunks of at most {@code chunkSize} frames. */
    public int chunkCount() {
        return (frameCount + chunkSize - 1) / chunkSize;
    }

    /**
     * The arguments of one render task, with the project and output folder as the job description spells them
     * (a path, or a reference to a job parameter); {@code frameArgs} select the task's frames.
     */
    public List<String> renderArgs(String projectArg, String outArg, List<String> frameArgs) {
        List<String> args = new ArrayList<>(List.of("render", projectArg));
        args.addAll(frameArgs);
        args.addAll(List.of("--out", outArg, "--progress", "plain"));
        args.addAll(renderOptions);
        return args;
    }

    public List<String> assembleArgs(String projectArg, String outArg, String framesArg, String videoArg) {
        return List.of("assemble", projectArg, "--out", outArg, "--frames", framesArg, "--mp4", videoArg);
    }

    /** A lower-case name of letters, digits and dashes for Kubernetes objects (at most {@code max} characters). */
    public String slug(int max) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "project";
        }
        s = s.length() > max ? s.substring(0, max) : s;
        return s.replaceAll("-+$", "");
    }
}
