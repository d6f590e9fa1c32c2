package org.fvstudio.ui.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.image.Image;

import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Background decoding with an LRU cache, checked against the frames of an independent sequential decode. */
class DrivingVideoFramesTest {

    /** 1088x1920 shown in a 512x512 canvas: scale 512 / 1920, so frames are shrunk by floor(3.75) = 3. */
    private static final int SHRINK = 3;
    private static List<RgbImage> sequential;

    private DrivingVideoFrames frames;
    private final List<Image> delivered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void setUpAll() throws Exception {
        FxToolkit.registerPrimaryStage();
        sequential = VideoTestFrames.sequential(SHRINK);
    }

    @BeforeEach
    void setUp() {
        frames = new DrivingVideoFrames(8);
    }

    @AfterEach
    void tearDown() {
        fx(frames::close);
    }

    private Optional<Image> request(Path file, int frame) {
        return fx(() -> frames.request(file, frame, 512, 512, delivered::add));
    }

    private Image awaitDelivery(int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> delivered.size() >= count);
        WaitForAsyncUtils.waitForFxEvents();
        return delivered.get(count - 1);
    }

    @Test
    void aRequestedFrameArrivesLaterAndEqualsTheIndependentlyDecodedFrame() throws Exception {
        assertThat(request(VideoTestFrames.VIDEO, 37)).isEmpty();
        Image image = awaitDelivery(1);
        assertThat(VideoTestFrames.meanAbsoluteDifference(image, sequential.get(37))).isLessThan(1.0);
        assertThat(VideoTestFrames.meanAbsoluteDifference(image, sequential.get(36))).isGreaterThan(1.0);

        // Asked again, it comes from the cache at once and nothing more is delivered.
        assertThat(request(VideoTestFrames.VIDEO, 37)).containsSame(image);
        assertThat(frames.cachedFrames()).isEqualTo(1);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aBurstOfRequestsDeliversOnlyTheNewest() throws Exception {
        fx(() -> {
            for (int f = 0; f <= 60; f++) {
                frames.request(VideoTestFrames.VIDEO, f, 512, 512, delivered::add);
            }
        });
        Image last = awaitDelivery(1);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // At most the frame in flight when the burst began, and the newest.
        assertThat(delivered.size()).isLessThanOrEqualTo(2);
        Image newest = delivered.get(delivered.size() - 1);
        assertThat(VideoTestFrames.meanAbsoluteDifference(newest, sequential.get(60))).isLessThan(1.0);
        assertThat(frames.cachedFrames()).isLessThanOrEqualTo(2);
        assertThat(last).isNotNull();
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedFrames() throws Exception {
        for (int f = 0; f < 10; f++) {
            request(VideoTestFrames.VIDEO, f);
            awaitDelivery(f + 1);
        }
        assertThat(frames.cachedFrames()).isEqualTo(8);
        assertThat(request(VideoTestFrames.VIDEO, 9)).isPresent();
        assertThat(request(VideoTestFrames.VIDEO, 2)).isPresent();
        assertThat(request(VideoTestFrames.VIDEO, 1)).isEmpty();
        Image again = awaitDelivery(11);
        assertThat(VideoTestFrames.meanAbsoluteDifference(again, sequential.get(1))).isLessThan(1.0);
    }

    @Test
    void aMissingFileIsReportedAndNothingIsDelivered(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("moved.mp4");
        assertThat(request(missing, 3)).isEmpty();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> frames.problemProperty().get()) != null);
        assertThat(fx(() -> frames.problemProperty().get())).contains("moved.mp4", "video file not found");
        assertThat(delivered).isEmpty();
        // The decoder is still usable for a file that exists.
        request(VideoTestFrames.VIDEO, 5);
        assertThat(VideoTestFrames.meanAbsoluteDifference(awaitDelivery(1), sequential.get(5))).isLessThan(1.0);
    }
}
