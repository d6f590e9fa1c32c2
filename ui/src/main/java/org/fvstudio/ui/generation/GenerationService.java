package org.fvstudio.ui.generation;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.job.GenerationJob;
import org.fvstudio.inference.job.GenerationListener;
import org.fvstudio.inference.job.JobSummary;
import org.fvstudio.inference.job.ProgressEvent;
import org.fvstudio.inference.job.Result;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pipeline.GenerationOptions;
import org.fvstudio.inference.pipeline.BundleReferenceImages;
import org.fvstudio.inference.pipeline.GenerationPipeline;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.task.ProblemMessages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.GenerationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generation requests one after another on the single accelerator thread, with a visible queue.
 * Progress and previews cross to the FX thread coalesced: however fast the job reports, at most one update
 * waits in the FX queue, so the FX thread draws the latest state once per pulse and never falls behind.
 * Everything public is called on the FX thread.
 */
public final class GenerationService implements AutoCloseable {

    /** Turns a finished pipeline frame into a studio frame and stores it; runs on the accelerator thread. */
    @FunctionalInterface
    public interface FrameStore {
        GeneratedFrame store(GenerationRequest request, FrameResult result, String device);
    }

    /** The clean-image estimate of a frame while it is denoised. */
    public record Preview(int frame, int step, RgbImage image) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GenerationService.class);
    private static final int PREVIEW_EVERY = 2;

    private final ExecutorService accelerator = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fvstudio-accelerator");
        thread.setDaemon(true);
        return thread;
    });
    private final FrameStore store;
    private final Consumer<GeneratedFrame> onFrame;
    private final Consumer<String> onMessage;
    private final ObservableList<GenerationRequest> queue = FXCollections.observableArrayList();
    private final ObjectProperty<GenerationRequest> running = new SimpleObjectProperty<>(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final ObjectProperty<Preview> preview = new SimpleObjectProperty<>(this, "preview");
    private final StringProperty device = new SimpleStringProperty(this, "device", "not started yet");
    private final AtomicReference<ProgressEvent> latestProgress = new AtomicReference<>();
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private final AtomicReference<Preview> latestPreview = new AtomicReference<>();
    private final AtomicBoolean previewPosted = new AtomicBoolean();
    private int nextNumber = 1;
    private volatile boolean closed;

    private volatile Supplier<InferenceSettings> inference; // null until the preferences are wired in

    // Accelerator thread only: the pack stays open between requests with the same folder and sessions.
    private ModelPack openPack;
    private Path openPackFolder;
    private SessionSettings openPackSessions;

    /**
     * @param onFrame   receives each finished frame on the FX thread
     * @param onMessage receives the end of each request and problems, on the FX thread
     */
    public GenerationService(FrameStore store, Consumer<GeneratedFrame> onFrame, Consumer<String> onMessage) {
        this.store = store;
        this.onFrame = onFrame;
        this.onMessage = onMessage;
    }

    /** Where device and thread count come from (the preferences); read when a request opens its pack. */
    public void setInferenceSettings(Supplier<InferenceSettings> settings) {
        this.inference = settings;
    }

    /** Queues frames of a project snapshot; it starts at once when nothing else runs. */
    public GenerationRequest enqueue(org.fvstudio.project.Project project, Path bundle, java.util.List<Integer> frames) {
        GenerationRequest request = new GenerationRequest(nextNumber++, project, bundle, frames);
        queue.add(request);
        startNextIfIdle();
        return request;
    }

    /** Removes a waiting request; the running one is cancelled instead. */
    public void remove(GenerationRequest request) {
        if (request == running.get()) {
            request.cancel();
        } else {
            queue.remove(request);
        }
    }

    /** Cancels the running request (within one step; its finished frames stay). */
    public void cancelRunning() {
        GenerationRequest current = running.get();
        if (current != null) {
            current.cancel();
            progressText.set("Cancelling…");
        }
    }

    public ObservableList<GenerationRequest> queue() {
        return queue;
    }

    public ReadOnlyObjectProperty<GenerationRequest> runningProperty() {
        return running;
    }

    public boolean isBusy() {
        return running.get() != null || !queue.isEmpty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** "frame 3/8 · step 2/4 · ETA 0:12". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview;
    }

    /** The device the denoiser really runs on, with the reason when it differs from the request. */
    public ReadOnlyStringProperty deviceProperty() {
        return device;
    }

    private void startNextIfIdle() {
        if (closed || running.get() != null || queue.isEmpty()) {
            return;
        }
        GenerationRequest next = queue.remove(0);
        running.set(next);
        progress.set(0);
        progressText.set("Starting " + next.describe());
        accelerator.execute(() -> {
            String outcome = generate(next);
            Platform.runLater(() -> finished(outcome));
        });
    }

    private void finished(String outcome) {
        running.set(null);
        preview.set(null);
        progress.set(0);
        progressText.set("");
        onMessage.accept(outcome);
        startNextIfIdle();
    }

    // ---- accelerator thread ------------------------------------------------------------------------

    private String generate(GenerationRequest request) {
        if (request.isCancelled()) {
            return "Generation " + request.describe() + " cancelled";
        }
        GenerationSettings settings = request.project().generation();
        try {
            ModelPack pack = pack(settings, request.bundle());
            ModelSession denoiser = pack.session("denoiser").orElseThrow(
                    () -> new GenerationException(GenerationError.Kind.PACK, "pack " + pack.manifest().id() + " has no denoiser"));
            String actual = denoiser.device().toString();
            String note = denoiser.deviceNote();
            Platform.runLater(() -> device.set(actual + (note == null || note.isBlank() ? "" : " (" + note + ")")));
            GenerationPipeline pipeline = new GenerationPipeline(pack, request.project(), images(request.bundle()),
                    GenerationOptions.from(settings));
            GenerationJob job = new GenerationJob(pipeline, request.frames(), listener(request, actual), PREVIEW_EVERY);
            request.attach(job);
            Result<JobSummary> result = job.run();
            if (result instanceof Result.Err<JobSummary> err && err.error().cause() instanceof Error e) {
                LOG.error("generation {} failed", request.describe(), e);
            }
            if (result instanceof Result.Err<JobSummary> err) {
                return "Generation failed: " + err.error().message();
            }
            JobSummary summary = result.orElseThrow();
            return (summary.cancelled() ? "Generation cancelled: kept " : "Generated ") + summary.framesDone() + " of "
                    + summary.framesRequested() + " frames in " + summary.elapsed().toSeconds() + " s on " + actual;
        } catch (ModelLoadException | GenerationException e) {
            return "Generation failed: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("generation failed unexpectedly", e);
            return "Generation failed unexpectedly: " + e;
        } catch (Error e) {
            // An OutOfMemoryError or a broken native library: the request ends, the studio and the project stay.
            LOG.error("generation {} failed", request.describe(), e);
            return "Generation failed: " + ProblemMessages.describe(e);
        }
    }

    private GenerationListener listener(GenerationRequest request, String actualDevice) {
        return new GenerationListener() {
            @Override
            public void onProgress(ProgressEvent event) {
                latestProgress.set(event);
                if (progressPosted.compareAndSet(false, true)) {
                    Platform.runLater(GenerationService.this::showProgress);
                }
            }

            @Override
            public void onPreview(int frame, int step, RgbImage image) {
                latestPreview.set(new Preview(frame, step, image));
                if (previewPosted.compareAndSet(false, true)) {
                    Platform.runLater(GenerationService.this::showPreview);
                }
            }

            @Override
            public void onFrame(FrameResult result) {
                GeneratedFrame frame = store.store(request, result, actualDevice);
                Platform.runLater(() -> onFrame.accept(frame));
            }
        };
    }

    private void showProgress() {
        progressPosted.set(false);
        ProgressEvent e = latestProgress.get();
        if (e == null || running.get() == null) {
            return;
        }
        progress.set(e.fraction());
        String eta = e.eta().map(d -> String.format(" · ETA %d:%02d", d.toMinutes(), d.toSecondsPart())).orElse("");
        progressText.set("frame " + (e.frameIndex() + 1) + "/" + e.frameCount() + " · step " + e.step() + "/" + e.steps() + eta);
    }

    private void showPreview() {
        previewPosted.set(false);
        if (running.get() != null) {
            preview.set(latestPreview.get());
        }
    }

    private ModelPack pack(GenerationSettings settings, Path bundle) throws ModelLoadException {
        Path folder = PackResolver.resolve(settings.packId(), bundle).toAbsolutePath().normalize();
        Supplier<InferenceSettings> preferred = inference;
        int cores = Runtime.getRuntime().availableProcessors();
        SessionSettings sessions = preferred == null
                ? GenerationSessions.settings(DevicePreference.AUTO, 0, settings.device(), cores)
                : GenerationSessions.settings(preferred.get(), settings.device(), cores);
        if (openPack != null && folder.equals(openPackFolder) && sessions.equals(openPackSessions)) {
            return openPack;
        }
        closePack();
        openPack = ModelPack.open(folder, sessions);
        openPackFolder = folder;
        openPackSessions = sessions;
        return openPack;
    }

    private void closePack() {
        if (openPack != null) {
            openPack.close();
            openPack = null;
        }
    }

    static ReferenceImages images(Path bundle) {
        return BundleReferenceImages.ofBundleFolder(bundle);
    }

    /** Cancels everything, waits briefly for the accelerator thread and closes the open pack. */
    @Override
    public void close() {
        closed = true; // the queue stays as it is: it belongs to the FX thread, and nothing more starts
        GenerationRequest current = running.get();
        if (current != null) {
            current.cancel();
        }
        accelerator.execute(this::closePack);
        accelerator.shutdown();
        try {
            if (!accelerator.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the accelerator thread did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
