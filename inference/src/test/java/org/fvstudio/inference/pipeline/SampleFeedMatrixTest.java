package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.cache.TokenSelection;
import org.fvstudio.coverage.BodyRegion;
import org.fvstudio.coverage.FeedMatrix;
import org.fvstudio.coverage.RegionGrid;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.TokenChoice;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.Test;

/**
 * Who feeds what on frames of the bundled sample project generated through contract-mini, whose hand-written PCM
 * scores the cells where each reference's skeleton is drawn: the reference x region matrix sums to 1 per frame,
 * each reference's row is its share of the selected-token indices, and the tokens fall on the body.
 */
class SampleFeedMatrixTest {

    private static final Path SAMPLE = Path.of("..", "assets", "sample", "Sample.fvs");

    @Test
    void theMatrixSumsToOneAndMatchesTheSelectedTokenIndices() throws Exception {
        ProjectBundle bundle = ProjectBundle.open(SAMPLE);
        Project project = bundle.project();
        try (ModelPack pack = ModelPack.open(TestProjects.resource("packs/contract-mini"), SessionSettings.defaults())) {
            GenerationPipeline pipeline = new GenerationPipeline(pack, project, shot -> {
                try {
                    return PngImages.read(bundle.referenceImage(shot.imageFile()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }, GenerationOptions.from(project.generation()).withSteps(1));
            for (int frame : new int[] {0, 40}) {
                FrameResult result = pipeline.generate(frame, (done, steps, preview) -> { });
                List<String> ids = result.correlation().referenceIds();
                List<Pose> poses = ids.stream().map(id -> project.reference(id).orElseThrow().pose()).toList();
                TokenChoice choice = result.selections().get(0);
                TokenSelection selection = new TokenSelection(choice.bank(), choice.gridH(), choice.gridW(),
                        choice.indices(), choice.scores());
                FeedMatrix feed = FeedMatrix.of(selection, ids, poses);
                assertThat(feed.total()).as("frame %d", frame).isCloseTo(1, within(1e-9));
                int cells = choice.gridH() * choice.gridW();
                int kept = (int) java.util.Arrays.stream(choice.indices()).filter(i -> i >= 0).count();
                double onBody = 0;
                for (int n = 0; n < ids.size(); n++) {
                    double row = 0;
                    for (BodyRegion region : BodyRegion.values()) {
                        row += feed.share(n, region);
                        int expected = 0;
                        BodyRegion[] grid = RegionGrid.of(poses.get(n), choice.gridH(), choice.gridW());
                        for (int index : choice.indices()) {
                            if (index >= 0 && index / cells == n && grid[index % cells] == region) {
                                expected++;
                            }
                        }
                        assertThat(feed.share(n, region)).as("frame %d %s %s", frame, ids.get(n), region)
                                .isCloseTo((double) expected / kept, within(1e-12));
                    }
                    assertThat(row).as("frame %d: %s's row is its share of the tokens", frame, ids.get(n))
                            .isCloseTo(choice.shares()[n] * choice.k() / kept, within(1e-9));
                    onBody += row - feed.share(n, BodyRegion.ELSEWHERE);
                }
                System.out.printf("frame %d: %d tokens, %.1f %% on the body; head %.1f %%, torso %.1f %%%n", frame, kept,
                        100 * onBody, 100 * feed.regionShare(BodyRegion.HEAD), 100 * feed.regionShare(BodyRegion.TORSO));
                assertThat(onBody).as("frame %d: share of tokens on the references' bodies", frame).isGreaterThan(0.5);
            }
        }
    }
}
