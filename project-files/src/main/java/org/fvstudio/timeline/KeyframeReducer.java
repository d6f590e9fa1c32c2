package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;

/**
 * Thins a densely keyed track (e.g. an imported sequence with a key on every frame) to the fewest
 * keys a greedy forward scan finds such that re-sampling the reduced track reproduces every original
 * key within a pixel tolerance: each point present in the original is present in the result and at
 * most {@code tolerance} pixels away (Euclidean), and a point missing in the original stays missing.
 *
 * <p>The reduced keys interpolate linearly, which keeps each segment's error depending only on its
 * two end keys; that is what makes the guarantee checkable segment by segment. The first and last
 * keys are always kept.
 */
public final class KeyframeReducer {

    private KeyframeReducer() {
    }

    public static PoseTrack reduce(PoseTrack track, double tolerance) {
        checkTolerance(tolerance);
        List<PersonTrack> people = new ArrayList<>();
        for (PersonTrack person : track.people()) {
            people.add(reduce(person, tolerance));
        }
        return new PoseTrack(people);
    }

    public static PersonTrack reduce(PersonTrack track, double tolerance) {
        checkTolerance(tolerance);
        List<PoseKeyframe> keys = track.keyframes();
        int n = keys.size();
        if (n <= 2) {
            return track.withKeyframes(relinear(keys));
        }
        int[] frames = new int[n];
        double[][] flat = new double[n][];
        for (int i = 0; i < n; i++) {
            frames[i] = keys.get(i).frame();
            flat[i] = keys.get(i).pose().toFlat();
        }
        double tolerance2 = tolerance * tolerance;
        List<PoseKeyframe> kept = new ArrayList<>();
        int a = 0;
        kept.add(keys.get(0).withInterpolation(Interpolation.LINEAR));
        while (a < n - 1) {
            int b = a + 1;
            while (b + 1 < n && segmentFits(frames, flat, a, b + 1, tolerance2)) {
                b++;
            }
            kept.add(keys.get(b).withInterpolation(Interpolation.LINEAR));
            a = b;
        }
        return track.withKeyframes(kept);
    }

    /** Largest distance in pixels between the original keys and {@code reduced} re-sampled at their frames. */
    public static double maxDeviation(PersonTrack original, PersonTrack reduced) {
        double worst = 0;
        for (PoseKeyframe key : original.keyframes()) {
            double[] want = key.pose().toFlat();
            double[] got = reduced.sample(key.frame()).orElseThrow().toFlat();
            for (int k = 0; k < PersonPose.KEYPOINT_COUNT; k++) {
                boolean wantPresent = want[3 * k + 2] > 0;
                boolean gotPresent = got[3 * k + 2] > 0;
                if (wantPresent != gotPresent) {
                    return Double.POSITIVE_INFINITY;
                }
                if (wantPresent) {
                    worst = Math.max(worst, Math.hypot(want[3 * k] - got[3 * k], want[3 * k + 1] - got[3 * k + 1]));
                }
            }
        }
        return worst;
    }

    /** Whether linear interpolation from key a to key b reproduces every key strictly between them. */
    private static boolean segmentFits(int[] frames, double[][] flat, int a, int b, double tolerance2) {
        double[] pa = flat[a];
        double[] pb = flat[b];
        double span = frames[b] - frames[a];
        for (int m = a + 1; m < b; m++) {
            double t = (frames[m] - frames[a]) / span;
            double[] pm = flat[m];
            for (int k = 0; k < PersonPose.KEYPOINT_COUNT; k++) {
                int c = 3 * k + 2;
                boolean present = pm[c] > 0;
                boolean interpolatedPresent = pa[c] > 0 && pb[c] > 0;
                if (present != interpolatedPresent) {
                    return false;
                }
                if (present) {
                    double dx = pa[c - 2] + (pb[c - 2] - pa[c - 2]) * t - pm[c - 2];
                    double dy = pa[c - 1] + (pb[c - 1] - pa[c - 1]) * t - pm[c - 1];
                    if (dx * dx + dy * dy > tolerance2) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void checkTolerance(double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a non-negative number of pixels, got " + tolerance);
        }
    }

    private static List<PoseKeyframe> relinear(List<PoseKeyframe> keys) {
        List<PoseKeyframe> out = new ArrayList<>();
        for (PoseKeyframe k : keys) {
            out.add(k.withInterpolation(Interpolation.LINEAR));
        }
        return out;
    }
}
