package org.fvstudio.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs UI-free {@link Job}s on the I/O executor wrapped in {@link Task}s. The outcome is delivered
 * on the FX thread as a value; the latest job's progress and message are exposed for the status bar.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ExecutorService io;
    private final IntegerProperty running = new SimpleIntegerProperty(this, "running", 0);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public BackgroundTasks() {
        AtomicInteger counter = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "fvstudio-io-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts {@code job}; {@code onDone} runs on the FX thread with its outcome. Must be called on the FX thread.
     *
     * @return the task, for cancellation
     */
    public <T> Task<T> submit(String title, Job<T> job, Consumer<Outcome<T>> onDone) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                updateMessage(title);
                return job.run(new JobContext() {
                    @Override
                    public void progress(double fraction, String text) {
                        updateProgress(fraction < 0 ? -1 : fraction, 1);
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || taskCancelled();
                    }
                });
            }

            private boolean taskCancelled() {
                return super.isCancelled();
            }
        };
        running.set(running.get() + 1);
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        task.setOnSucceeded(e -> finish(task, onDone, new Outcome.Success<>(task.getValue())));
        task.setOnCancelled(e -> finish(task, onDone, new Outcome.Cancelled<>()));
        task.setOnFailed(e -> {
            Throwable problem = task.getException();
            if (problem instanceof Exception && !(problem instanceof RuntimeException)) {
                // Bad input and I/O trouble: the message says it all.
                LOG.info("{} failed: {}", title, problem.getMessage());
            } else if (problem instanceof Error) {
                // Out of memory, say: the job's own objects are unreachable now, so the studio carries on.
                LOG.error("{} failed", title, problem);
            } else {
                LOG.warn("{} failed unexpectedly", title, problem);
            }
            finish(task, onDone, new Outcome.Failure<>(ProblemMessages.describe(problem)));
        });
        if (io.isShutdown()) {
            // The studio is closing: the job ends as cancelled instead of throwing on the FX thread.
            LOG.info("{} not started: the studio is closing", title);
            task.cancel();
            return task;
        }
        io.execute(task);
        return task;
    }

    private <T> void finish(Task<T> task, Consumer<Outcome<T>> onDone, Outcome<T> outcome) {
        if (progress.isBound()) {
            progress.unbind();
            message.unbind();
        }
        running.set(running.get() - 1);
        progress.set(0);
        message.set("");
        onDone.accept(outcome);
    }

    /** Number of jobs not yet finished (their outcome not yet delivered). */
    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Runs on the FX thread when called from elsewhere. */
    public static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
