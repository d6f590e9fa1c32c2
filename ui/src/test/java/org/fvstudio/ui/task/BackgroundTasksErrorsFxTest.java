package org.fvstudio.ui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A background job that runs out of memory fails with a message; the pool, the FX thread and later jobs go on. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTasksErrorsFxTest {

    private BackgroundTasks tasks;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void anOutOfMemoryErrorBecomesAFailureWithAMessage() {
        List<Outcome<?>> outcomes = Collections.synchronizedList(new ArrayList<>());
        fx(() -> {
            tasks.submit("Importing bomb.png", ctx -> {
                // The JVM's own OutOfMemoryError, as decoding a 20000x20000 picture at full size would raise.
                long[] pixels = new long[Integer.MAX_VALUE];
                return pixels.length;
            }, outcomes::add);
            tasks.submit("Thrown further", ctx -> {
                throw new StackOverflowError();
            }, outcomes::add);
        });
        awaitJobs(tasks);
        fx(() -> tasks.submit("Importing photo.jpg", ctx -> "imported", outcomes::add));
        awaitJobs(tasks);

        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isInstanceOf(Outcome.Failure.class);
        assertThat(((Outcome.Failure<?>) outcomes.get(0)).message()).matches("Ran out of memory \\(the Java heap of \\d+ MB"
                + " is full\\); the open project is unchanged\\. Close other programs or give FV Studio more memory"
                + " \\(FVSTUDIO_JAVA_OPTS=-Xmx\\.\\.\\.\\), then try again");
        assertThat(((Outcome.Failure<?>) outcomes.get(1)).message()).isEqualTo("Unexpected internal error"
                + " (StackOverflowError); the open project is unchanged and details are in the log file");
        assertThat(outcomes.get(2)).isEqualTo(new Outcome.Success<>("imported"));
        assertThat(fx(() -> Platform.isFxApplicationThread())).isTrue();
    }
}
