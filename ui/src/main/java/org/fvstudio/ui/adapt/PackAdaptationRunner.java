package org.fvstudio.ui.adapt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;

import org.fvstudio.inference.adapt.AdaptationCancelledException;
import org.fvstudio.inference.adapt.AdaptationListener;
import org.fvstudio.inference.adapt.AdaptationRequest;
import org.fvstudio.inference.adapt.AdaptationResult;
import org.fvstudio.inference.adapt.PackAdaptation;
import org.fvstudio.project.Project;
import org.fvstudio.ui.generation.GenerationEdits;
import org.fvstudio.ui.generation.PackResolver;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.task.Outcome;

/**
 * Runs one adaptation in the background (through the studio's {@link org.fvstudio.ui.task.BackgroundTasks}) and
 * shows it: progress, loss, ETA, the latest preview. When it finishes the project switches to the new pack (one
 * undoable edit), which the generation panel lists among the bundle's packs. Cancel stops the trainer, which keeps
 * its last checkpoint and writes no pack.
 */
public final class PackAdaptationRunner {

    private final StudioViewModel studio;
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<Image> preview = new SimpleObjectProperty<>(this, "preview");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ObjectProperty<Outcome<AdaptationResult>> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicBoolean updatePosted = new AtomicBoolean();
    private volatile String latestStatus = "";
    private volatile double latestProgress;

    public PackAdaptationRunner(StudioViewModel studio) {
        this.studio = studio;
    }

    /** Starts adapting (FX thread); the bundle must exist on disk (a saved project). */
    public void start(PackAdaptation adaptation, AdaptChoice choice) {
        if (running.get()) {
            throw new IllegalStateException("an adaptation is already running");
        }
        Path bundle = studio.document().bundleFolder();
        Project project = studio.project();
        cancelRequested.set(false);
        running.set(true);
        outcome.set(null);
        preview.set(null);
        progress.set(0);
        status.set("Starting " + adaptation.torch().describe() + "…");
        studio.tasks().submit("Adapting pack to " + project.name(), ctx -> {
            AdaptationRequest request = AdaptationRequest.forProject(project, bundle,
                    PackResolver.resolve(choice.basePackId(), bundle), choice.budget(), choice.useDrivingVideo(), null);
            try {
                return adaptation.run(project, request, listener(), () -> cancelRequested.get() || ctx.isCancelled());
            } catch (AdaptationCancelledException cancelled) {
                return null;
            }
        }, this::finished);
    }

    /** Stops the trainer; it saves its checkpoint (the next adaptation of this project continues from it). */
    public void cancel() {
        cancelRequested.set(true);
        status.set("Cancelling: the trainer saves its checkpoint…");
    }

    private AdaptationListener listener() {
        return new AdaptationListener() {
            @Override
            public void progress(int step, double fraction, double loss, Optional<Duration> eta) {
                latestProgress = fraction;
                latestStatus = String.format("step %d · loss %.4f%s", step, loss,
                        eta.map(d -> String.format(" · ETA %d:%02d", d.toMinutes(), d.toSecondsPart())).orElse(""));
                if (updatePosted.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        updatePosted.set(false);
                        if (!cancelRequested.get()) {
                            progress.set(latestProgress);
                            status.set(latestStatus);
                        }
                    });
                }
            }

            @Override
            public void preview(int step, Path picture, double psnrDb) {
                Image image = new Image(picture.toUri().toString());
                Platform.runLater(() -> preview.set(image));
            }
        };
    }

    private void finished(Outcome<AdaptationResult> result) {
        running.set(false);
        outcome.set(result);
        if (result instanceof Outcome.Success<AdaptationResult> success && success.value() != null) {
            AdaptationResult r = success.value();
            progress.set(1);
            status.set(String.format("Adapted pack %s written (%d steps, held-out reference %.1f dB); generating with it now",
                    r.packId(), r.steps(), r.previewPsnrDb()));
            studio.edit(GenerationEdits.pack(studio.project(), r.packId()));
        } else if (result instanceof Outcome.Failure<AdaptationResult> failure) {
            status.set(failure.message());
        } else {
            status.set("Cancelled: no pack written; the last checkpoint is kept for the next adaptation");
        }
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Image> previewProperty() {
        return preview;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ObjectProperty<Outcome<AdaptationResult>> outcomeProperty() {
        return outcome;
    }
}
