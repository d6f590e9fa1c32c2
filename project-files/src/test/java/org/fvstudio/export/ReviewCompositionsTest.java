package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fvstudio.pose.render.RgbImage;

class ReviewCompositionsTest {

    @TempDir
    static Path work;

    @TempDir
    Path out;

    static List<RgbImage> frames;
    static FrameSource generated;
    static FrameSource skeleton;
    static List<ReferenceHeatmap> references;

    @BeforeAll
    static void load() throws IOException {
        frames = TestVideos.pose2simFrames(work).subList(0, 24);
        generated = FrameSource.of(frames);
        // The "skeleton" panel: the top half of each frame stretched, a different real picture of the same size.
        skeleton = FrameSource.of(frames.stream().map(f -> Images.scaledTo(Images.crop(f, 0, 0, 136, 120), 136, 240)).toList());
        references = List.of(
                new ReferenceHeatmap("close-up", Images.crop(frames.get(0), 20, 0, 96, 96),
                        i -> MotionMaps.motion(frames.get(i), frames.get(0), 17, 30)),
                new ReferenceHeatmap("wide", frames.get(23),
                        i -> MotionMaps.motion(frames.get(i), frames.get(23), 17, 30)));
    }

    @Test
    void placesEveryPanelAtTheCommonHeight() throws ExportException {
        SideBySideFrameSource review = ReviewCompositions.sideBySide(skeleton, generated, references,
                new ReviewCompositions.Style(0.6, true, 240, false));

        assertThat(review.frameCount()).isEqualTo(24);
        assertThat(review.height()).isEqualTo(240);
        assertThat(review.width()).isEqualTo(136 + 136 + 240 + 136);
        RgbImage composed = review.frame(7);
        RgbImage generatedFrame = frames.get(7);
        int x0 = review.panelX(1);
        for (int y = 0; y < 240; y += 37) {
            for (int x = 0; x < 136; x += 29) {
                assertThat(composed.rgb(x0 + x, y)).isEqualTo(generatedFrame.rgb(x, y));
            }
        }
        assertThat(review.panelX(2)).isEqualTo(272);
        assertThat(review.panelWidth(2)).isEqualTo(240);
    }

    @Test
    void labelsOnlyTouchTheCaptionCorner() throws ExportException {
        ReviewCompositions.Style plain = new ReviewCompositions.Style(0.6, true, 240, false);
        ReviewCompositions.Style labelled = new ReviewCompositions.Style(0.6, true, 240, true);
        RgbImage without = ReviewCompositions.sideBySide(skeleton, generated, references, plain).frame(3);
        RgbImage with = ReviewCompositions.sideBySide(skeleton, generated, references, labelled).frame(3);

        int changedTop = 0;
        for (int y = 0; y < with.height(); y++) {
            for (int x = 0; x < with.width(); x++) {
                if (with.rgb(x, y) != without.rgb(x, y)) {
                    assertThat(y).as("caption rows only").isLessThan(30);
                    changedTop++;
                }
            }
        }
        assertThat(changedTop).isGreaterThan(100);
    }

    @Test
    void refusesPanelsOfDifferentLengths() {
        assertThatThrownBy(() -> new SideBySideFrameSource(List.of(Panel.of(generated),
                Panel.of(FrameSource.still(frames.get(0), 5))), 240, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 frames");
    }

    @Test
    void theSideBySideReviewVideoDecodesToTheComposition() throws Exception {
        SideBySideFrameSource review = ReviewCompositions.sideBySide(skeleton, generated, references,
                ReviewCompositions.Style.defaults(240));
        Path target = out.resolve("review.mp4");

        new Mp4Exporter(VideoSettings.of(24)).export(review, target, ExportMonitor.NONE);

        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(decoded.codec()).isEqualTo("h264");
        assertThat(decoded.frames()).hasSize(24);
        assertThat(decoded.width()).isEqualTo(648);
        assertThat(decoded.height()).isEqualTo(240);
        assertThat(decoded.fps()).isCloseTo(24.0, offset(0.01));
        assertThat(TestVideos.psnr(decoded.frames().get(12), review.frame(12), 648, 240)).isGreaterThanOrEqualTo(30.0);
    }

    @Test
    void theHeatmapOnlyVideoDecodesToTheComposition() throws Exception {
        ReviewCompositions.Style style = new ReviewCompositions.Style(0.8, false, 121, true);
        SideBySideFrameSource heatmaps = ReviewCompositions.heatmapsOnly(24, references, style);
        Path target = out.resolve("heatmaps.mp4");

        new Mp4Exporter(VideoSettings.of(12)).export(heatmaps, target, ExportMonitor.NONE);

        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(heatmaps.width()).isEqualTo(121 + 69);
        assertThat(decoded.codec()).isEqualTo("h264");
        assertThat(decoded.frames()).hasSize(24);
        assertThat(decoded.width()).isEqualTo(190);
        assertThat(decoded.height()).isEqualTo(122);
        assertThat(decoded.fps()).isCloseTo(12.0, offset(0.01));
        assertThat(TestVideos.psnr(decoded.frames().get(20), heatmaps.frame(20), 190, 121)).isGreaterThanOrEqualTo(30.0);
    }
}
