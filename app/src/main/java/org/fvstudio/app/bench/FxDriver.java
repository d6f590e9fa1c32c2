package org.fvstudio.app.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** Runs work on the FX thread from the benchmark's own thread and waits for the FX thread to draw. */
final class FxDriver {

    private static final Duration STEP = Duration.ofMillis(20);

    /** Starts the toolkit (once per process); windows closing must not end it. */
    static void startToolkit() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        await(started, Duration.ofSeconds(60), "the JavaFX toolkit to start");
    }

    static <T> T call(Callable<T> action) throws InterruptedException {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(action.call());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        return await(done, Duration.ofSeconds(60), "the FX thread");
    }

    static void run(Runnable action) throws InterruptedException {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Waits for the FX thread to finish what is queued and to draw twice (the scene then shows the state). */
    static void awaitPulses() throws InterruptedException {
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    drawn.complete(null);
                }
            }
        }.start());
        await(drawn, Duration.ofSeconds(60), "two pulses");
    }

    /** Polls {@code condition} on the FX thread until it holds. */
    static void waitUntil(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + limit.toSeconds() + " s");
            }
            Thread.sleep(STEP.toMillis());
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration limit, String what) throws InterruptedException {
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed on " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + limit.toSeconds() + " s", e);
        }
    }

    private FxDriver() {
    }
}
