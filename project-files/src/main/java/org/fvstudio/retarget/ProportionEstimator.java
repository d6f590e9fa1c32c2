package org.fvstudio.retarget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;

/**
 * Estimates a body's proportions from several 2D views of it (the references of the character, or the frames of a
 * motion). Each view has its own scale (the camera's distance, the shot's framing), and in each view some bones are
 * foreshortened (a forearm pointing at the camera looks short), never lengthened. So the estimate alternates two
 * steps: each view's scale is the median, over its visible bones, of length / current estimate (a few foreshortened
 * bones cannot move a median), and each bone's length is the longest of its scaled views, the least foreshortened
 * one. With {@value #MANY_VIEWS} views or more the {@value #MANY_QUANTILE} quantile stands for the longest, so a
 * single bad detection in a long sequence does not set the length. Only joints scored at least the visibility
 * threshold count.
 */
public final class ProportionEstimator {

    static final int ROUNDS = 12;
    static final int MANY_VIEWS = 10;
    static final double MANY_QUANTILE = 0.9;

    private static final BoneKind[] KINDS = BoneKind.values();

    private ProportionEstimator() {
    }

    public static Proportions estimate(List<PersonPose> views) {
        List<double[][]> observed = new ArrayList<>();
        for (PersonPose view : views) {
            observed.add(observe(view));
        }
        double[] length = new double[KINDS.length];
        Arrays.fill(length, Double.NaN);
        double[][] first = observed.stream().max((a, b) -> Integer.compare(count(a), count(b))).orElse(null);
        if (first == null || count(first) == 0) {
            return Proportions.none();
        }
        for (int k = 0; k < KINDS.length; k++) {
            length[k] = first[k].length == 0 ? Double.NaN : Arrays.stream(first[k]).max().orElseThrow();
        }
        int[] support = new int[KINDS.length];
        for (int round = 0; round < ROUNDS; round++) {
            double[] scale = new double[observed.size()];
            for (int v = 0; v < observed.size(); v++) {
                scale[v] = scaleOf(observed.get(v), length);
            }
            Arrays.fill(support, 0);
            for (int k = 0; k < KINDS.length; k++) {
                List<Double> scaled = new ArrayList<>();
                for (int v = 0; v < observed.size(); v++) {
                    if (Double.isFinite(scale[v]) && observed.get(v)[k].length > 0) {
                        support[k]++;
                        for (double l : observed.get(v)[k]) {
                            scaled.add(l / scale[v]);
                        }
                    }
                }
                length[k] = scaled.isEmpty() ? Double.NaN : longest(scaled, support[k]);
            }
            normalise(length);
        }
        Map<BoneKind, Double> lengths = new EnumMap<>(BoneKind.class);
        Map<BoneKind, Integer> counts = new EnumMap<>(BoneKind.class);
        for (int k = 0; k < KINDS.length; k++) {
            if (Double.isFinite(length[k])) {
                lengths.put(KINDS[k], length[k]);
                counts.put(KINDS[k], support[k]);
            }
        }
        return new Proportions(lengths, counts);
    }

    /** The visible bones of one view, in pixels, by kind (both sides of a kind together). */
    static double[][] observe(PersonPose pose) {
        List<List<Double>> byKind = new ArrayList<>();
        for (int k = 0; k < KINDS.length; k++) {
            byKind.add(new ArrayList<>());
        }
        for (BodyJoint child : BoneKind.children()) {
            BodyJoint parent = BoneKind.parentOf(child);
            if (pose.get(child).isVisible() && pose.get(parent).isVisible()) {
                double l = Math.hypot(pose.x(child.index()) - pose.x(parent.index()),
                        pose.y(child.index()) - pose.y(parent.index()));
                if (l > 0) {
                    byKind.get(BoneKind.endingAt(child).ordinal()).add(l);
                }
            }
        }
        double[][] out = new double[KINDS.length][];
        for (int k = 0; k < KINDS.length; k++) {
            out[k] = byKind.get(k).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    /** The median of length / estimate over the view's bones of known length; NaN when it has none. */
    private static double scaleOf(double[][] view, double[] length) {
        List<Double> ratios = new ArrayList<>();
        for (int k = 0; k < KINDS.length; k++) {
            if (Double.isFinite(length[k])) {
                for (double l : view[k]) {
                    ratios.add(l / length[k]);
                }
            }
        }
        if (ratios.isEmpty()) {
            return Double.NaN;
        }
        return quantile(ratios, 0.5);
    }

    private static double longest(List<Double> scaled, int views) {
        return views >= MANY_VIEWS ? quantile(scaled, MANY_QUANTILE) : scaled.stream().mapToDouble(d -> d).max().orElseThrow();
    }

    /** Torso = 1 when known, else the median bone = 1: the estimate has no unit of its own. */
    private static void normalise(double[] length) {
        double unit = length[BoneKind.TORSO.ordinal()];
        if (!Double.isFinite(unit)) {
            unit = quantile(Arrays.stream(length).filter(Double::isFinite).boxed().toList(), 0.5);
        }
        for (int k = 0; k < length.length; k++) {
            length[k] /= unit;
        }
    }

    /** Linear interpolation between order statistics. */
    static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    private static int count(double[][] view) {
        int n = 0;
        for (double[] lengths : view) {
            n += lengths.length;
        }
        return n;
    }
}
