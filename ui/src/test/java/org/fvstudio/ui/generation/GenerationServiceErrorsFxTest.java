package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.stage.Stage;

import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An Error inside a generation request (out of memory, say) ends that request with a message, nothing more. */
@ExtendWith(ApplicationExtension.class)
class GenerationServiceErrorsFxTest {

    @TempDir
    static Path temp;

    @Start
    void start(Stage stage) {
        // the FX toolkit is all this test needs
    }

    @Test
    void errorsEndTheirRequestWithAMessageAndTheQueueGoesOn() throws Exception {
        Path bundle = GenerationTestProjects.writeBundle(temp, "Errors", 1);
        Project project = ProjectBundle.open(bundle).project();
        AtomicInteger stored = new AtomicInteger();
        GenerationService.FrameStore store = (request, result, device) -> {
            // The first request runs out of memory, the second hits an Error no job expects.
            if (stored.getAndIncrement() == 0) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new StackOverflowError();
        };
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        GenerationService service = fx(() -> new GenerationService(store, frame -> { }, messages::add));
        try {
            fx(() -> {
                service.enqueue(project, bundle, List.of(0));
                service.enqueue(project, bundle, List.of(1));
                service.enqueue(project, bundle, List.of(2));
            });
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> messages.size() == 3);

            assertThat(messages.get(0)).matches("Generation failed: frame 0: ran out of memory \\(the Java heap of \\d+ MB is"
                    + " full\\); 0 frame\\(s\\) were finished before it");
            assertThat(messages.get(1)).isEqualTo("Generation failed: Unexpected internal error (StackOverflowError); the"
                    + " open project is unchanged and details are in the log file");
            assertThat(messages.get(2)).isEqualTo(messages.get(1));
            assertThat(fx(service::isBusy)).isFalse();
        } finally {
            fx(service::close);
        }
    }
}
