package org.fvstudio.project.io;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.fvstudio.project.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the current project to the bundle's autosave file at a fixed interval while it has unsaved
 * changes. Runs on its own daemon thread: the suppliers are called from that thread, so they must
 * be safe to call from it (an immutable {@link Project} held in a volatile field is). An unchanged
 * project is not written twice.
 */
public final class Autosaver implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);

    private final ProjectBundle bundle;
    private final Supplier<Project> current;
    private final BooleanSupplier dirty;
    private final Consumer<Project> onSaved;
    private final Consumer<IOException> onError;
    private final ScheduledExecutorService executor;
    private volatile Project lastWritten;

    public Autosaver(ProjectBundle bundle, Supplier<Project> current, BooleanSupplier dirty) {
        this(bundle, current, dirty, DEFAULT_INTERVAL, p -> { }, e -> { });
    }

    /**
     * @param onSaved called on the autosave thread after each write
     * @param onError called on the autosave thread when a write fails (the next tick tries again)
     */
    public Autosaver(ProjectBundle bundle, Supplier<Project> current, BooleanSupplier dirty, Duration interval,
                     Consumer<Project> onSaved, Consumer<IOException> onError) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("autosave interval must be positive, got " + interval);
        }
        this.bundle = bundle;
        this.current = current;
        this.dirty = dirty;
        this.onSaved = onSaved;
        this.onError = onError;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fvstudio-autosave");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Writes the autosave now if the project is dirty and changed since the last autosave. */
    public synchronized void tick() {
        try {
            if (!dirty.getAsBoolean()) {
                return;
            }
            Project snapshot = current.get();
            if (snapshot == null || snapshot.equals(lastWritten)) {
                return;
            }
            bundle.writeAutosave(snapshot);
            lastWritten = snapshot;
            onSaved.accept(snapshot);
        } catch (IOException e) {
            LOG.warn("Autosave of {} failed: {}", bundle.dir().getFileName(), e.getMessage());
            onError.accept(e);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; keep autosaving.
            LOG.error("Autosave of {} failed unexpectedly", bundle.dir().getFileName(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
