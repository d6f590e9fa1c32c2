package org.fvstudio.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;

class CameraTrackTest {

    @Test
    void zoomScalesAboutThePivot() {
        CameraTransform zoom = new CameraTransform(2, 100, 50, 0, 0, 0);
        assertPoint(zoom.apply(100, 50), 100, 50);
        assertPoint(zoom.apply(110, 50), 120, 50);
        assertPoint(zoom.apply(100, 40), 100, 30);
    }

    @Test
    void rollRotatesAboutThePivotClockwiseOnScreen() {
        CameraTransform roll = new CameraTransform(1, 100, 100, 0, 0, 90);
        // image y points down: +90 degrees turns +x into +y
        assertPoint(roll.apply(110, 100), 100, 110);
        assertPoint(roll.apply(100, 110), 90, 100);
    }

    @Test
    void panShiftsAfterZoomAndRoll() {
        CameraTransform t = new CameraTransform(2, 0, 0, 5, -3, 0);
        assertPoint(t.apply(1, 1), 7, -1);
    }

    @Test
    void transformMovesEveryPresentPointOfAPoseAndLeavesMissingOnes() {
        PersonPose person = PersonPose.empty().with(0, new Keypoint(110, 50, 1));
        Pose moved = new CameraTransform(2, 100, 50, 0, 10, 0).apply(new Pose(200, 100, List.of(person)));
        assertThat(moved.people().get(0).x(0)).isCloseTo(120, within(1e-9));
        assertThat(moved.people().get(0).y(0)).isCloseTo(60, within(1e-9));
        assertThat(moved.people().get(0).confidence(1)).isZero();
        assertThat(moved.people().get(0).x(1)).isZero();
    }

    @Test
    void zoomBlendsGeometricallyAndPanLinearly() {
        CameraTrack track = new CameraTrack(List.of(
                new CameraKeyframe(0, 1, 0, 0, 0, 0, 0, false, Interpolation.LINEAR),
                new CameraKeyframe(10, 4, 0, 0, 20, 0, 30, false, Interpolation.LINEAR)));
        CameraTransform mid = track.at(5);
        assertThat(mid.zoom()).isCloseTo(2, within(1e-12));
        assertThat(mid.panX()).isCloseTo(10, within(1e-12));
        assertThat(mid.rollDegrees()).isCloseTo(15, within(1e-12));
    }

    @Test
    void aCutKeyIsReachedByAJump() {
        CameraTrack track = new CameraTrack(List.of(
                new CameraKeyframe(0, 1, 0, 0, 0, 0, 0, false, Interpolation.LINEAR),
                new CameraKeyframe(10, 3, 0, 0, 0, 0, 0, true, Interpolation.LINEAR)));
        assertThat(track.at(9).zoom()).isEqualTo(1);
        assertThat(track.at(10).zoom()).isEqualTo(3);
        assertThat(track.at(50).zoom()).isEqualTo(3);
    }

    @Test
    void emptyTrackIsTheIdentity() {
        assertThat(CameraTrack.empty().at(7).isIdentity()).isTrue();
    }

    @Test
    void endingAtKeepsTheViewOfTheFramesThatRemain() {
        // the sample project's camera: a zoom from 1 to 3.2 over frames 0..47
        CameraTrack zoomIn = new CameraTrack(List.of(
                new CameraKeyframe(0, 1, 233.4, 174.6, 0, 0, 0, false, Interpolation.EASE_IN_OUT),
                new CameraKeyframe(47, 3.2, 233.4, 174.6, 22.6, 41.4, 0, false, Interpolation.EASE_IN_OUT)));
        CameraTrack shorter = zoomIn.endingAt(29);
        assertThat(shorter.keyframes()).hasSize(30).allMatch(k -> k.frame() <= 29);
        for (int frame = 0; frame <= 29; frame++) {
            CameraTransform expected = zoomIn.at(frame);
            CameraTransform actual = shorter.at(frame);
            assertThat(actual.zoom()).as("frame %d", frame).isCloseTo(expected.zoom(), within(1e-9));
            assertThat(actual.panX()).isCloseTo(expected.panX(), within(1e-9));
            assertThat(actual.panY()).isCloseTo(expected.panY(), within(1e-9));
        }
        assertThat(zoomIn.endingAt(47)).isSameAs(zoomIn);
        assertThat(CameraTrack.empty().endingAt(3).isEmpty()).isTrue();
        // a track that starts after the end holds its first view throughout
        CameraTrack late = new CameraTrack(List.of(new CameraKeyframe(40, 2, 0, 0, 5, 0, 0, false, Interpolation.LINEAR)));
        assertThat(late.endingAt(10).keyframes()).singleElement().satisfies(k -> {
            assertThat(k.frame()).isEqualTo(10);
            assertThat(k.zoom()).isEqualTo(2.0);
        });
    }

    private static void assertPoint(double[] p, double x, double y) {
        assertThat(p[0]).isCloseTo(x, within(1e-9));
        assertThat(p[1]).isCloseTo(y, within(1e-9));
    }
}
