package org.fvstudio.ui.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;

import org.fvstudio.ui.task.BackgroundTasks;
import org.testfx.util.WaitForAsyncUtils;

/** Running code on the FX thread and waiting for background jobs, plus the test data files. */
public final class FxTestSupport {


    private FxTestSupport() {
    }

    public static void fx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX action failed", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX action failed", e);
        }
    }

    /** Waits until every background job has delivered its outcome. */
    public static void awaitJobs(BackgroundTasks tasks) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> tasks.runningProperty().get() == 0));
        } catch (TimeoutException e) {
            throw new AssertionError("background jobs did not finish within 60 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assert !Platform.isFxApplicationThread();
    }

    /** Copies a test resource under {@code org/fvstudio/ui/data/} to {@code dir}. */
    public static Path copyResource(String relative, Path dir) {
        try (InputStream in = FxTestSupport.class.getResourceAsStream("/org/fvstudio/ui/data/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + relative);
            }
            Path target = dir.resolve(Path.of(relative).getFileName().toString());
            Files.createDirectories(dir);
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of the 100 Pose2Sim cam03 frames in the test resources. */
    public static Path cam03Folder() {
        try {
            return Path.of(FxTestSupport.class.getResource("/org/fvstudio/ui/data/poses/cam03").toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
