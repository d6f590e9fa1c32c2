package org.fvstudio.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.ShotScale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Presets on the real Pose2Sim cam03 subject (1088 x 1920, face from nose, eyes and ears). */
class CameraPresetsTest {

    private static PersonPose subject;
    private static final int W = Pose2SimTestSequence.WIDTH;
    private static final int H = Pose2SimTestSequence.HEIGHT;

    @BeforeAll
    static void load() throws Exception {
        subject = Pose2SimTestSequence.cam03().get(30).people().get(0);
    }

    @Test
    void dollyInEndsOnTheFaceCentredAndFillingTheRequestedFraction() {
        CameraTrack track = CameraPresets.dollyIn(CameraTrack.empty(), subject, W, H, 10, 48, 0.5);
        assertThat(track.keyframes()).extracting(CameraKeyframe::frame).containsExactly(10, 58);
        assertThat(track.at(10).isIdentity()).isTrue();
        assertThat(track.at(0).isIdentity()).isTrue();

        double[] face = ShotFraming.faceBox(subject);
        CameraTransform close = track.at(58);
        double[] a = close.apply(face[0], face[1]);
        double[] b = close.apply(face[2], face[3]);
        assertThat((a[0] + b[0]) / 2).isCloseTo(W / 2.0, within(1e-6));
        assertThat((a[1] + b[1]) / 2).isCloseTo(H / 2.0, within(1e-6));
        assertThat(Math.max(b[0] - a[0], b[1] - a[1])).isCloseTo(0.5 * Math.min(W, H), within(1e-6));
        // this frame shows the head from behind (no nose or eyes): the ears' midpoint ends up near the centre
        int rEar = BodyJoint.RIGHT_EAR.index();
        int lEar = BodyJoint.LEFT_EAR.index();
        double[] ears = close.apply((subject.x(rEar) + subject.x(lEar)) / 2, (subject.y(rEar) + subject.y(lEar)) / 2);
        assertThat(Math.abs(ears[0] - W / 2.0)).isLessThan(1e-6);
        assertThat(Math.abs(ears[1] - H / 2.0)).isLessThan(1e-6);

        // zoom grows monotonically and eases in
        double previous = 1;
        for (int f = 11; f <= 58; f++) {
            double z = track.at(f).zoom();
            assertThat(z).isGreaterThanOrEqualTo(previous);
            previous = z;
        }
        assertThat(track.at(12).zoom() - track.at(11).zoom()).isLessThan(track.at(35).zoom() - track.at(34).zoom());
    }

    @Test
    void dollyOutIsTheReverseMove() {
        CameraTrack in = CameraPresets.dollyIn(CameraTrack.empty(), subject, W, H, 0, 20, 0.4);
        CameraTrack out = CameraPresets.dollyOut(CameraTrack.empty(), subject, W, H, 0, 20, 0.4);
        for (int f = 0; f <= 20; f++) {
            assertThat(out.at(f).zoom()).isCloseTo(in.at(20 - f).zoom(), within(1e-9));
            assertThat(out.at(f).panX()).isCloseTo(in.at(20 - f).panX(), within(1e-9));
        }
    }

    @Test
    void panAcrossTravelsFromTheLeftEdgeToTheRightEdge() {
        CameraTrack track = CameraPresets.panAcross(CameraTrack.empty(), W, H, 0, 30, 2, true);
        // at the start the canvas' left edge is at the left of the view, at the end its right edge at the right
        assertThat(track.at(0).apply(0, H / 2.0)[0]).isCloseTo(0, within(1e-9));
        assertThat(track.at(30).apply(W, H / 2.0)[0]).isCloseTo(W, within(1e-9));
        assertThat(track.at(15).apply(W / 2.0, H / 2.0)[0]).isCloseTo(W / 2.0, within(1e-9));
        assertThatThrownBy(() -> CameraPresets.panAcross(CameraTrack.empty(), W, H, 0, 30, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cutJumpsFromWideToCloseUpWithoutInBetweens() {
        CameraTrack track = CameraPresets.cut(CameraTrack.empty(), subject, W, H, 0, 24, ShotScale.WIDE, ShotScale.CLOSE_UP);
        assertThat(track.at(23).isIdentity()).isTrue();
        CameraTransform close = track.at(24);
        assertThat(close.zoom()).isGreaterThan(3);
        assertThat(track.keyframes().get(1).cut()).isTrue();
        // a medium shot sits between the two
        CameraTrack medium = CameraPresets.cut(CameraTrack.empty(), subject, W, H, 0, 24, ShotScale.CLOSE_UP, ShotScale.MEDIUM);
        assertThat(medium.at(24).zoom()).isBetween(1.0, close.zoom());
        assertThat(medium.at(0).zoom()).isCloseTo(close.zoom(), within(1e-9));
    }

    @Test
    void presetsReplaceKeysInsideTheirRangeOnly() {
        CameraTrack base = new CameraTrack(List.of(
                new CameraKeyframe(0, 1.5, 0, 0, 0, 0, 0, false, Interpolation.LINEAR),
                new CameraKeyframe(20, 1.7, 0, 0, 0, 0, 0, false, Interpolation.LINEAR),
                new CameraKeyframe(100, 1.9, 0, 0, 0, 0, 0, false, Interpolation.LINEAR)));
        CameraTrack track = CameraPresets.dollyIn(base, subject, W, H, 10, 40, 0.5);
        assertThat(track.keyframes()).extracting(CameraKeyframe::frame).containsExactly(0, 10, 50, 100);
    }

    @Test
    void theModelSeesTheCameraTransformedTargetPose() {
        CameraTrack track = CameraPresets.dollyIn(CameraTrack.empty(), subject, W, H, 0, 10, 0.5);
        Pose seen = track.at(10).apply(new Pose(W, H, List.of(subject)));
        double[] expected = track.at(10).apply(subject.x(1), subject.y(1));
        assertThat(seen.people().get(0).x(1)).isCloseTo(expected[0], within(1e-9));
    }

    @Test
    void closeUpNeedsAFace() {
        assertThatThrownBy(() -> ShotFraming.faceBox(PersonPose.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no face");
    }
}
