package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keyframes of the orbit camera. Every parameter (yaw, elevation, distance, focal length, target)
 * is interpolated with the interpolation of the segment's first key: constant holds, linear and
 * ease-in-out blend, smooth follows a Catmull-Rom spline through the neighbouring keys.
 * Before the first key and after the last one the nearest key holds.
 */
public record OrbitCameraTrack(List<OrbitKeyframe> keyframes) {

    public OrbitCameraTrack {
        List<OrbitKeyframe> sorted = new ArrayList<>(keyframes);
        sorted.sort(Comparator.comparingInt(OrbitKeyframe::frame));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).frame() == sorted.get(i - 1).frame()) {
                throw new IllegalArgumentException("orbit camera has two keyframes at frame " + sorted.get(i).frame());
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an orbit camera needs at least one keyframe");
        }
        keyframes = List.copyOf(sorted);
    }

    public static OrbitCameraTrack of(OrbitKeyframe... keys) {
        return new OrbitCameraTrack(List.of(keys));
    }

    public OrbitView at(double frame) {
        OrbitKeyframe first = keyframes.get(0);
        if (frame <= first.frame()) {
            return first.view();
        }
        int n = keyframes.size();
        OrbitKeyframe last = keyframes.get(n - 1);
        if (frame >= last.frame()) {
            return last.view();
        }
        int i = 1;
        while (keyframes.get(i).frame() <= frame) {
            i++;
        }
        OrbitKeyframe a = keyframes.get(i - 1);
        OrbitKeyframe b = keyframes.get(i);
        if (frame == a.frame() || a.interpolation() == Interpolation.CONSTANT) {
            return a.view();
        }
        double t = (frame - a.frame()) / (b.frame() - a.frame());
        OrbitKeyframe before = i >= 2 ? keyframes.get(i - 2) : a;
        OrbitKeyframe after = i + 1 < n ? keyframes.get(i + 1) : b;
        double[] p = new double[OrbitKeyframe.PARAMETERS];
        for (int k = 0; k < p.length; k++) {
            if (a.interpolation() == Interpolation.SMOOTH) {
                p[k] = PoseInterpolator.catmullRom(before.parameter(k), a.parameter(k), b.parameter(k), after.parameter(k), t);
            } else {
                double w = a.interpolation().weight(t);
                p[k] = a.parameter(k) + (b.parameter(k) - a.parameter(k)) * w;
            }
        }
        // a spline may overshoot; keep the camera valid
        double elevation = Math.max(-89.9, Math.min(89.9, p[1]));
        double distance = Math.max(OrbitView.NEAR * 10, p[2]);
        double focal = Math.max(1e-6, p[3]);
        return new OrbitView(p[0], elevation, distance, focal, p[4], p[5], p[6]);
    }

    public OrbitCameraTrack withKey(OrbitKeyframe key) {
        List<OrbitKeyframe> copy = new ArrayList<>(keyframes);
        copy.removeIf(k -> k.frame() == key.frame());
        copy.add(key);
        return new OrbitCameraTrack(copy);
    }

    /** Removes the key at {@code frame}; the last remaining key cannot be removed. */
    public OrbitCameraTrack withoutKeyAt(int frame) {
        List<OrbitKeyframe> copy = new ArrayList<>(keyframes);
        copy.removeIf(k -> k.frame() == frame);
        return copy.isEmpty() ? this : new OrbitCameraTrack(copy);
    }

    /** A copy whose keys all have their yaw increased by {@code degrees} (orbit the whole shot). */
    public OrbitCameraTrack orbitedBy(double degrees) {
        List<OrbitKeyframe> copy = new ArrayList<>();
        for (OrbitKeyframe k : keyframes) {
            copy.add(k.withYaw(k.yawDegrees() + degrees));
        }
        return new OrbitCameraTrack(copy);
    }
}
