package org.fvstudio.ui.generation.pictures;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * Reads dropped pictures again off the FX thread. Only the latest request counts: while the playhead moves
 * over frames whose pictures are not in memory, the frames it has already left are not read.
 */
public final class PictureLoader implements AutoCloseable {

    /** What a load ended with, handed to the FX thread. */
    public sealed interface Outcome {
        record Loaded(FramePicture picture) implements Outcome {
        }

        record Unreadable(FramePicture picture, String problem) implements Outcome {
        }
    }

    private record Request(FramePicture picture, Consumer<Outcome> done) {
    }

    private final AtomicReference<Request> latest = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fvstudio-picture-loader");
        t.setDaemon(true);
        return t;
    });

    /** Reads {@code picture} unless a newer request comes first; {@code done} runs on the FX thread. */
    public void load(FramePicture picture, Consumer<Outcome> done) {
        latest.set(new Request(picture, done));
        thread.execute(this::loadLatest);
    }

    private void loadLatest() {
        Request request = latest.getAndSet(null);
        if (request == null) {
            return;
        }
        Outcome outcome;
        try {
            request.picture().full();
            outcome = new Outcome.Loaded(request.picture());
        } catch (UncheckedIOException e) {
            outcome = new Outcome.Unreadable(request.picture(), e.getCause().getMessage());
        }
        Outcome finished = outcome;
        Platform.runLater(() -> request.done().accept(finished));
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
