package org.fvstudio.ui.generation;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.project.Project;

/**
 * One queued "Generate": the project snapshot (with the settings to use), its bundle folder and the frames.
 * Cancellation may come from the FX thread while the job runs on the accelerator thread.
 */
public final class GenerationRequest {

    private final int number;
    private final Project project;
    private final Path bundle;
    private final List<Integer> frames;
    private volatile boolean cancelled;
    private volatile GenerationJob job;

    public GenerationRequest(int number, Project project, Path bundle, List<Integer> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("nothing to generate: the chosen frame range is empty");
        }
        this.number = number;
        this.project = project;
        this.bundle = bundle;
        this.frames = List.copyOf(frames);
    }

    public int number() {
        return number;
    }

    public Project project() {
        return project;
    }

    public Path bundle() {
        return bundle;
    }

    public List<Integer> frames() {
        return frames;
    }

    /** Stops the job within one denoising step; frames already finished are kept. */
    public void cancel() {
        cancelled = true;
        GenerationJob running = job;
        if (running != null) {
            running.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void attach(GenerationJob newJob) {
        job = newJob;
        if (cancelled) {
            newJob.cancel();
        }
    }

    /** For the queue list: "#2  frames 0–7 (8) · 8 steps · seed 42". */
    public String describe() {
        int first = frames.get(0);
        int last = frames.get(frames.size() - 1);
        String range = frames.size() == 1 ? "frame " + first
                : last - first + 1 == frames.size() ? "frames " + first + "–" + last + " (" + frames.size() + ")"
                : frames.size() + " frames";
        return "#" + number + "  " + range + " · " + project.generation().steps() + " steps · seed "
                + project.generation().seed();
    }

    @Override
    public String toString() {
        return describe();
    }
}
