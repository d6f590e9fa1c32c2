package org.fvstudio.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM / SIGINT (a farm cancelling a task, Ctrl-C) into a cancellation of the running render: the job
 * stops within one denoising step, the command tidies up and says what it finished, then the process exits with
 * {@link ExitCodes#CANCELLED}. The JVM runs shutdown hooks while the main thread goes on, and a hook must not wait
 * for {@code System.exit}, so the hook itself ends the process once the command has closed this.
 */
final class SignalCancellation implements AutoCloseable {

    /** How long the hook waits for the current step and the tidying up before exiting anyway. */
    private static final long GRACE_SECONDS = 60;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean signalled;

    SignalCancellation(Runnable cancel) {
        hook = new Thread(() -> {
            signalled = true;
            cancel.run();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.err.flush();
            System.out.flush();
            Runtime.getRuntime().halt(ExitCodes.CANCELLED);
        }, "fvstudio-cancel-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean signalled() {
        return signalled;
    }

    /** The render is over: without a signal the hook is removed; with one, it may now end the process. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal arrived: the hook is running and exits as soon as we count down
        }
        finished.countDown();
    }
}
