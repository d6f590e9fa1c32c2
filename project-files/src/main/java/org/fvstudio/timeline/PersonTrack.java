package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.PersonPose;

/**
 * The keyframes of one person of the target pose, sorted by frame, at most one per frame.
 * Before the first key the first pose holds; after the last key the last pose holds.
 */
public record PersonTrack(String name, List<PoseKeyframe> keyframes) {

    public PersonTrack {
        List<PoseKeyframe> sorted = new ArrayList<>(keyframes);
        sorted.sort(Comparator.comparingInt(PoseKeyframe::frame));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).frame() == sorted.get(i - 1).frame()) {
                throw new IllegalArgumentException("track '" + name + "' has two keyframes at frame " + sorted.get(i).frame());
            }
        }
        keyframes = List.copyOf(sorted);
    }

    public boolean isEmpty() {
        return keyframes.isEmpty();
    }

    public Optional<PoseKeyframe> keyAt(int frame) {
        int i = indexOf(frame);
        return i >= 0 ? Optional.of(keyframes.get(i)) : Optional.empty();
    }

    /** The interpolated pose at {@code frame}, or empty if the track has no keys. */
    public Optional<PersonPose> sample(int frame) {
        if (keyframes.isEmpty()) {
            return Optional.empty();
        }
        int i = indexOf(frame);
        if (i >= 0) {
            return Optional.of(keyframes.get(i).pose());
        }
        int next = -i - 1;
        if (next == 0) {
            return Optional.of(keyframes.get(0).pose());
        }
        if (next == keyframes.size()) {
            return Optional.of(keyframes.get(keyframes.size() - 1).pose());
        }
        PoseKeyframe a = keyframes.get(next - 1);
        PoseKeyframe b = keyframes.get(next);
        double t = (frame - a.frame()) / (double) (b.frame() - a.frame());
        return Optional.of(PoseInterpolator.between(
                next >= 2 ? keyframes.get(next - 2) : null, a, b,
                next + 1 < keyframes.size() ? keyframes.get(next + 1) : null, t));
    }

    public PersonTrack withKey(PoseKeyframe key) {
        List<PoseKeyframe> copy = new ArrayList<>(keyframes);
        int i = indexOf(key.frame());
        if (i >= 0) {
            copy.set(i, key);
        } else {
            copy.add(-i - 1, key);
        }
        return new PersonTrack(name, copy);
    }

    public PersonTrack withoutKeyAt(int frame) {
        List<PoseKeyframe> copy = new ArrayList<>(keyframes);
        copy.removeIf(k -> k.frame() == frame);
        return new PersonTrack(name, copy);
    }

    public PersonTrack withKeyframes(List<PoseKeyframe> newKeys) {
        return new PersonTrack(name, newKeys);
    }

    public PersonTrack renamed(String newName) {
        return new PersonTrack(newName, keyframes);
    }

    /** Binary search by frame: the index, or (-(insertion point) - 1). */
    int indexOf(int frame) {
        int lo = 0;
        int hi = keyframes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int f = keyframes.get(mid).frame();
            if (f < frame) {
                lo = mid + 1;
            } else if (f > frame) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
