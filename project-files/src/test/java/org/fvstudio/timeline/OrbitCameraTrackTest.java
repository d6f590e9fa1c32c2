package org.fvstudio.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OrbitCameraTrackTest {

    private static OrbitKeyframe key(int frame, double yaw, Interpolation mode) {
        return new OrbitKeyframe(frame, yaw, 10, 5, 500, 0, 1, 0, mode);
    }

    @Test
    void yawInterpolatesWithoutWrappingSoAFullOrbitIsPossible() {
        OrbitCameraTrack track = OrbitCameraTrack.of(key(0, 0, Interpolation.LINEAR), key(100, 360, Interpolation.LINEAR));
        assertThat(track.at(50).yawDegrees()).isCloseTo(180, within(1e-12));
        assertThat(track.at(25).yawDegrees()).isCloseTo(90, within(1e-12));
        assertThat(track.at(200).yawDegrees()).isEqualTo(360);
    }

    @Test
    void everyParameterHasItsOwnInterpolation() {
        OrbitKeyframe a = new OrbitKeyframe(0, 0, 0, 4, 400, 0, 0, 0, Interpolation.EASE_IN_OUT);
        OrbitKeyframe b = new OrbitKeyframe(10, 90, 30, 8, 800, 2, 4, 6, Interpolation.LINEAR);
        OrbitView v = OrbitCameraTrack.of(a, b).at(5);
        assertThat(v.elevationDegrees()).isCloseTo(15, within(1e-12));
        assertThat(v.distance()).isCloseTo(6, within(1e-12));
        assertThat(v.focalLength()).isCloseTo(600, within(1e-12));
        assertThat(v.targetZ()).isCloseTo(3, within(1e-12));
        double eased = OrbitCameraTrack.of(a, b).at(2).yawDegrees();
        assertThat(eased).isCloseTo(90 * (3 * 0.04 - 2 * 0.008), within(1e-9));
        assertThat(OrbitCameraTrack.of(a.withInterpolation(Interpolation.CONSTANT), b).at(9).yawDegrees()).isZero();
        OrbitCameraTrack smooth = OrbitCameraTrack.of(key(0, 0, Interpolation.SMOOTH), key(10, 10, Interpolation.SMOOTH),
                key(20, 40, Interpolation.SMOOTH));
        assertThat(smooth.at(15).yawDegrees()).isCloseTo(PoseInterpolator.catmullRom(0, 10, 40, 40, 0.5), within(1e-12));
    }

    @Test
    void pinholeProjectionOfTheTargetLandsOnTheCanvasCentre() {
        OrbitView v = new OrbitView(37, 20, 5, 500, 1, 2, 3);
        double[] out = new double[3];
        assertThat(v.project(1, 2, 3, 640, 480, out)).isTrue();
        assertThat(out[0]).isCloseTo(320, within(1e-9));
        assertThat(out[1]).isCloseTo(240, within(1e-9));
        assertThat(out[2]).isCloseTo(5, within(1e-9));
    }

    @Test
    void frontViewMapsPlusXRightAndPlusYUp() {
        OrbitView front = new OrbitView(0, 0, 10, 100, 0, 0, 0);
        double[] out = new double[3];
        front.project(1, 0, 0, 200, 200, out);
        assertThat(out[0]).isCloseTo(110, within(1e-9));
        front.project(0, 1, 0, 200, 200, out);
        assertThat(out[1]).isCloseTo(90, within(1e-9));
        // from behind +X is on the left
        new OrbitView(180, 0, 10, 100, 0, 0, 0).project(1, 0, 0, 200, 200, out);
        assertThat(out[0]).isCloseTo(90, within(1e-9));
        // a point behind the camera is not projected
        assertThat(front.project(0, 0, 20, 200, 200, out)).isFalse();
    }

    @Test
    void invalidKeysAreRefused() {
        assertThatThrownBy(() -> new OrbitKeyframe(0, 0, 90, 5, 500, 0, 0, 0, Interpolation.LINEAR))
                .hasMessageContaining("elevation");
        assertThatThrownBy(() -> new OrbitKeyframe(0, 0, 0, 0, 500, 0, 0, 0, Interpolation.LINEAR))
                .hasMessageContaining("distance");
        assertThatThrownBy(() -> new OrbitCameraTrack(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
