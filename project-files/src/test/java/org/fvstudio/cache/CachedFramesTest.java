package org.fvstudio.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.MotionMaps;
import org.fvstudio.export.Mp4Exporter;
import org.fvstudio.export.ReferenceHeatmap;
import org.fvstudio.export.ReviewCompositions;
import org.fvstudio.export.SideBySideFrameSource;
import org.fvstudio.export.TestVideos;
import org.fvstudio.export.VideoSettings;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached results exported as a review video: the path from a generation run to the reviewer's MP4. */
class CachedFramesTest {

    @TempDir
    static Path work;

    static List<RgbImage> frames;

    @TempDir
    Path bundle;

    @BeforeAll
    static void load() throws IOException {
        frames = TestVideos.pose2simFrames(work).subList(0, 16);
    }

    @Test
    void exportsCachedFramesAndTheirHeatmapsAsAReviewVideo() throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve("cache"), Long.MAX_VALUE);
        for (int i = 0; i < 16; i++) {
            cache.put(10 + i, new CacheKeyBuilder().integer("frame", 10 + i).build(), rendered(i));
        }
        CachedFrames cached = CachedFrames.of(cache, 10, 16);
        List<ReferenceHeatmap> references = List.of(
                new ReferenceHeatmap("close-up", frames.get(0), cached.correlation("ref-1")),
                new ReferenceHeatmap("wide", frames.get(15), cached.correlation("ref-2")));
        SideBySideFrameSource review = ReviewCompositions.sideBySide(FrameSource.of(frames), cached.generated(),
                references, ReviewCompositions.Style.defaults(240));
        Path target = bundle.resolve("review.mp4");

        new Mp4Exporter(VideoSettings.of(24)).export(review, target, ExportMonitor.NONE);

        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(decoded.codec()).isEqualTo("h264");
        assertThat(decoded.frames()).hasSize(16);
        assertThat(decoded.width()).isEqualTo(4 * 136);
        assertThat(decoded.height()).isEqualTo(240);
        assertThat(TestVideos.psnr(decoded.frames().get(9), review.frame(9), 4 * 136, 240)).isGreaterThanOrEqualTo(30.0);
        // the generated panel shows what was cached for frame 19
        RgbImage composed = review.frame(9);
        assertThat(composed.rgb(136 + 70, 200)).isEqualTo(frames.get(9).rgb(70, 200));
    }

    @Test
    void aFrameNotGeneratedStopsTheExportWithItsNumber() throws Exception {
        RenderCache cache = RenderCache.open(bundle.resolve("cache"), Long.MAX_VALUE);
        cache.put(0, new CacheKeyBuilder().integer("frame", 0).build(), rendered(0));
        cache.put(1, new CacheKeyBuilder().integer("frame", 1).build(), rendered(1));
        FrameSource generated = CachedFrames.of(cache, 0, 4).generated();
        Path target = bundle.resolve("gap.mp4");

        assertThatThrownBy(() -> new Mp4Exporter(VideoSettings.of(24)).export(generated, target, ExportMonitor.NONE))
                .isInstanceOf(ExportException.class).hasMessageContaining("Frame 2 has not been generated");
        assertThat(target).doesNotExist();
        assertThatThrownBy(() -> CachedFrames.of(cache, 7, 3)).hasMessageContaining("Frame 7");
    }

    private static RenderedFrame rendered(int i) {
        FloatMap near = MotionMaps.motion(frames.get(i), frames.get(0), 17, 30);
        FloatMap far = MotionMaps.motion(frames.get(i), frames.get(15), 17, 30);
        return new RenderedFrame(frames.get(i), List.of(new ReferenceResult("ref-1", near, 0.5),
                new ReferenceResult("ref-2", far, 0.5)), List.of(), "{\"seed\": 42}", "{}");
    }
}
