package org.fvstudio.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.export.ExportCancelledException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.ui.StudioFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the studio's OpenPose export goes through the staged exporter, so a stopped export loses nothing. */
class OpenPoseExportTest {

    @TempDir
    Path temp;

    @Test
    void anExportStoppedMidwayLeavesThePreviousExportAsItWas() throws Exception {
        Path sample = BundledAssets.locate().flatMap(BundledAssets::sampleProject).orElseThrow();
        Project project = ProjectBundle.open(sample).project();
        ExportRunner runner = new ExportRunner(project, sample, Map.of());
        Path folder = temp.resolve("skeletons");
        ExportRequest request = new ExportRequest(ExportKind.OPENPOSE_JSON, folder, VideoQuality.STANDARD, 128, 0.6, true);

        ExportResult first = runner.run(request, ExportMonitor.NONE);
        assertThat(first.frames()).isEqualTo(project.frameCount());
        TreeMap<String, String> before = StudioFixture.fingerprint(folder);
        assertThat(before).hasSize(project.frameCount());

        ExportMonitor stopAfterFive = new ExportMonitor() {
            private int done;

            @Override
            public void progress(int frames, int total) {
                done = frames;
            }

            @Override
            public boolean isCancelled() {
                return done >= 5;
            }
        };
        assertThatThrownBy(() -> runner.run(request, stopAfterFive)).isInstanceOf(ExportCancelledException.class);

        assertThat(StudioFixture.fingerprint(folder)).as("every file of the first export, unchanged").isEqualTo(before);
        try (var siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no staging folder left beside it")
                    .containsExactly("skeletons");
        }
    }
}
