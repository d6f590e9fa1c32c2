package org.fvstudio.inference.dwpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.fvstudio.inference.runtime.CancellationToken;

/** The whole path over a real video with the stand-in models: decode, detect, crop, estimate, map back. */
class VideoPoseExtractorTest {

    /** OpenPose-18 body from COCO-17 by name: nose, neck, r/l shoulder-elbow-wrist, r/l hip-knee-ankle, eyes, ears. */
    private static final int[] BODY_SOURCE = {0, -1, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3};

    private static DwposeExtractor extractor;

    @BeforeAll
    static void open() throws Exception {
        extractor = DwposeExtractor.open(DwposeModels.locate(DwposeTestModels.FOLDER),
                SessionSettings.defaults().withIntraOpThreads(2));
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void everyFrameGivesBothPeopleAtTheKnownPeaksWithinOnePixel() throws Exception {
        List<double[]> progress = new ArrayList<>();
        VideoPoses result = new VideoPoseExtractor(extractor).extract(DwposeTestModels.VIDEO,
                VideoExtractionOptions.defaults(), (done, total, fraction) -> progress.add(new double[] {done, total, fraction}),
                CancellationToken.none());

        assertThat(extractor.device()).isEqualTo(ExecutionDevice.CPU);
        assertThat(result.size()).isEqualTo(100);
        assertThat(result.frameRate()).isCloseTo(60, within(0.01));
        assertThat(result.sourceFrames()).startsWith(0, 1, 2).endsWith(99);
        assertThat(progress).hasSize(100);
        assertThat(progress.get(0)).containsExactly(1, 100, 0.01);
        assertThat(progress.get(99)).containsExactly(100, 100, 1.0);

        for (Pose pose : List.of(result.poses().get(0), result.poses().get(57), result.poses().get(99))) {
            assertThat(pose.canvasWidth()).isEqualTo(1088);
            assertThat(pose.canvasHeight()).isEqualTo(1920);
            // NMS drops A's duplicate, the car and the weak box are filtered; larger A comes first.
            assertThat(pose.people()).hasSize(2);
            assertPerson(pose.people().get(0), DwposeTestModels.PERSON_A);
            assertPerson(pose.people().get(1), DwposeTestModels.PERSON_B);
        }
    }

    @Test
    void strideLargestOnlyAndTrackPlacement() throws Exception {
        VideoPoses result = new VideoPoseExtractor(extractor).extract(DwposeTestModels.VIDEO,
                VideoExtractionOptions.defaults().withFrameStride(7).withLargestPersonOnly(true)
                        .withSmoothing(OneEuroSettings.forPixels()),
                ExtractionProgress.ignore(), CancellationToken.none());
        assertThat(result.sourceFrames()).hasSize(15).startsWith(0, 7, 14).endsWith(98);
        for (Pose pose : result.poses()) {
            assertThat(pose.people()).hasSize(1);
            // The stand-in poses do not move, so smoothing must leave them exactly where they are.
            assertPerson(pose.people().get(0), DwposeTestModels.PERSON_A);
        }
        PoseTrack track = result.toPoseTrack(Interpolation.LINEAR);
        assertThat(track.people()).hasSize(1);
        assertThat(track.people().get(0).keyframes()).extracting(k -> k.frame()).startsWith(0, 7).endsWith(98);
        assertThat(track.sample(10, 1088, 1920).people().get(0)).isEqualTo(result.poses().get(1).people().get(0));
    }

    @Test
    void cancellingStopsWithinOneFrame() {
        CancellationToken token = new CancellationToken();
        assertThatThrownBy(() -> new VideoPoseExtractor(extractor).extract(DwposeTestModels.VIDEO,
                VideoExtractionOptions.defaults(), (done, total, fraction) -> {
                    if (done == 5) {
                        token.cancel();
                    }
                }, token))
                .isInstanceOf(ExtractionCancelledException.class)
                .satisfies(e -> assertThat(((ExtractionCancelledException) e).framesDone()).isEqualTo(5));
    }

    static void assertPerson(PersonPose person, double[] letterboxedBox) {
        int w = 1088;
        int h = 1920;
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            Keypoint p = person.get(i);
            if (i == 1) {
                double[] l = DwposeTestModels.expectedImagePoint(5, letterboxedBox, w, h);
                double[] r = DwposeTestModels.expectedImagePoint(6, letterboxedBox, w, h);
                assertThat(p.x()).as("neck x").isCloseTo((l[0] + r[0]) / 2, within(1.0));
                assertThat(p.y()).as("neck y").isCloseTo((l[1] + r[1]) / 2, within(1.0));
                continue;
            }
            int coco = i < 18 ? BODY_SOURCE[i] : i - 1;
            double score = DwposeTestModels.score(coco);
            if (score < 0.3) {
                assertThat(p).as("point %d (COCO %d) is weak", i, coco).isEqualTo(Keypoint.MISSING);
                continue;
            }
            double[] expected = DwposeTestModels.expectedImagePoint(coco, letterboxedBox, w, h);
            assertThat(p.x()).as("x of point %d (COCO %d)", i, coco).isCloseTo(expected[0], within(1.0));
            assertThat(p.y()).as("y of point %d (COCO %d)", i, coco).isCloseTo(expected[1], within(1.0));
            assertThat(p.confidence()).isCloseTo(Math.min(1.0, score), within(1e-6));
        }
    }
}
