package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Keyframes of the virtual camera; with no keys the camera is the identity. */
public record CameraTrack(List<CameraKeyframe> keyframes) {

    public CameraTrack {
        List<CameraKeyframe> sorted = new ArrayList<>(keyframes);
        sorted.sort(Comparator.comparingInt(CameraKeyframe::frame));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).frame() == sorted.get(i - 1).frame()) {
                throw new IllegalArgumentException("camera track has two keyframes at frame " + sorted.get(i).frame());
            }
        }
        keyframes = List.copyOf(sorted);
    }

    public static CameraTrack empty() {
        return new CameraTrack(List.of());
    }

    public boolean isEmpty() {
        return keyframes.isEmpty();
    }

    public CameraTransform at(int frame) {
        if (keyframes.isEmpty()) {
            return CameraTransform.IDENTITY;
        }
        CameraKeyframe first = keyframes.get(0);
        if (frame <= first.frame()) {
            return first.transform();
        }
        for (int i = 1; i < keyframes.size(); i++) {
            CameraKeyframe b = keyframes.get(i);
            if (frame < b.frame()) {
                CameraKeyframe a = keyframes.get(i - 1);
                if (b.cut() || a.interpolation() == Interpolation.CONSTANT) {
                    return a.transform();
                }
                double w = a.interpolation().weight((frame - a.frame()) / (double) (b.frame() - a.frame()));
                return new CameraTransform(
                        // zoom blends geometrically so a dolly feels uniform
                        a.zoom() * Math.pow(b.zoom() / a.zoom(), w),
                        lerp(a.pivotX(), b.pivotX(), w), lerp(a.pivotY(), b.pivotY(), w),
                        lerp(a.panX(), b.panX(), w), lerp(a.panY(), b.panY(), w),
                        lerp(a.rollDegrees(), b.rollDegrees(), w));
            }
            if (frame == b.frame()) {
                return b.transform();
            }
        }
        return keyframes.get(keyframes.size() - 1).transform();
    }

    public CameraTrack withKey(CameraKeyframe key) {
        List<CameraKeyframe> copy = new ArrayList<>(keyframes);
        copy.removeIf(k -> k.frame() == key.frame());
        copy.add(key);
        return new CameraTrack(copy);
    }

    /**
     * This track on a timeline that ends at {@code lastFrame}: keys past it are dropped, and the segment they
     * cut short gets a linear key on each of its remaining frames, so every frame that remains keeps its view
     * (an eased segment cannot be cut short with one key).
     */
    public CameraTrack endingAt(int lastFrame) {
        if (keyframes.isEmpty() || keyframes.get(keyframes.size() - 1).frame() <= lastFrame) {
            return this;
        }
        List<CameraKeyframe> kept = new ArrayList<>(keyframes.stream().filter(k -> k.frame() <= lastFrame).toList());
        int from = kept.isEmpty() ? lastFrame : kept.get(kept.size() - 1).frame() + 1;
        for (int frame = from; frame <= lastFrame; frame++) {
            CameraTransform view = at(frame);
            kept.add(new CameraKeyframe(frame, view.zoom(), view.pivotX(), view.pivotY(), view.panX(), view.panY(),
                    view.rollDegrees(), false, Interpolation.LINEAR));
        }
        return new CameraTrack(kept);
    }

    public CameraTrack withoutKeyAt(int frame) {
        List<CameraKeyframe> copy = new ArrayList<>(keyframes);
        copy.removeIf(k -> k.frame() == frame);
        return new CameraTrack(copy);
    }

    private static double lerp(double a, double b, double w) {
        return a + (b - a) * w;
    }
}
