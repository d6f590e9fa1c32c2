package org.fvstudio.ui.extraction;

import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.fvstudio.ui.task.BackgroundTasks;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for pose extraction in the tests. */
final class ExtractionWaits {

    private ExtractionWaits() {
    }

    /** Every outcome delivered and the extraction worker really stopped (after a cancel it stops at the next frame). */
    static void awaitStopped(BackgroundTasks tasks, PoseExtraction extraction) {
        awaitJobs(tasks);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx(() -> extraction.busyProperty().get()));
        } catch (TimeoutException e) {
            throw new AssertionError("the extraction worker did not stop within 60 s", e);
        }
    }
}
