package org.fvstudio.ui.export;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.JobContext;
import org.fvstudio.ui.task.Outcome;

/** Runs exports as background jobs (progress in the status bar, cancel) and reports how they ended. */
public final class ExportController {

    private final StudioViewModel studio;
    private final GenerationWorkspace generation;
    private final ObjectProperty<Task<ExportResult>> running = new SimpleObjectProperty<>(this, "running");
    private final ObjectProperty<Outcome<ExportResult>> lastOutcome = new SimpleObjectProperty<>(this, "lastOutcome");
    private Path lastFolder;

    public ExportController(GenerationWorkspace generation) {
        this.generation = generation;
        this.studio = generation.studio();
    }

    /** Starts the export of the open project's generated frames; FX thread. */
    public void export(ExportRequest request) {
        ExportRunner runner = new ExportRunner(studio.project(), studio.document().bundleFolder(),
                generation.results().frames());
        String name = request.target().getFileName().toString();
        Task<ExportResult> task = studio.tasks().submit("Exporting " + name,
                ctx -> runner.run(request, monitor(ctx)), outcome -> finished(request, outcome));
        running.set(task);
    }

    public void cancel() {
        Task<ExportResult> task = running.get();
        if (task != null) {
            task.cancel();
        }
    }

    /** The folder of the latest successful export of this session. */
    public Optional<Path> lastFolder() {
        return Optional.ofNullable(lastFolder);
    }

    public ReadOnlyObjectProperty<Task<ExportResult>> runningProperty() {
        return running;
    }

    public ReadOnlyObjectProperty<Outcome<ExportResult>> lastOutcomeProperty() {
        return lastOutcome;
    }

    private void finished(ExportRequest request, Outcome<ExportResult> outcome) {
        running.set(null);
        lastOutcome.set(outcome);
        if (outcome instanceof Outcome.Success<ExportResult> ok) {
            ExportResult r = ok.value();
            lastFolder = request.target().toAbsolutePath().getParent();
            studio.statusProperty().set(String.format("Exported %d frames to %s (%dx%d, %s, %.1f frames/s)", r.frames(),
                    r.path(), r.width(), r.height(), r.encoder(), r.framesPerSecond()));
        } else if (outcome instanceof Outcome.Failure<ExportResult> failure) {
            studio.reportProblem("Export failed", failure.message());
        } else {
            studio.statusProperty().set("Export to " + request.target().getFileName() + " cancelled; nothing was written");
        }
    }

    private static ExportMonitor monitor(JobContext ctx) {
        return new ExportMonitor() {
            @Override
            public void progress(int done, int total) {
                ctx.progress(total == 0 ? -1 : done / (double) total, "Exporting frame " + done + "/" + total);
            }

            @Override
            public boolean isCancelled() {
                return ctx.isCancelled();
            }
        };
    }
}
