package org.fvstudio.ui.editor;

import java.util.Collection;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/** Geometric edits of one person's keypoints; pure functions on immutable poses. */
public final class PoseGeometry {

    private PoseGeometry() {
    }

    /** Moves one keypoint to (x, y); a hidden keypoint stays hidden. */
    public static PersonPose moveJoint(PersonPose pose, int index, double x, double y) {
        return pose.with(index, pose.get(index).withPosition(x, y));
    }

    /**
     * Moves a keypoint towards (x, y) while keeping its distance to its parent: the joint swings
     * about the parent and everything below it turns rigidly with it. A joint without a present
     * parent (the neck, or a parent that is missing) simply moves, dragging its children along.
     */
    public static PersonPose dragKeepingLengths(PersonPose pose, int index, double x, double y) {
        double[] v = pose.toFlat();
        int parent = SkeletonHierarchy.parent(index);
        if (parent < 0 || v[3 * parent + 2] <= 0) {
            double dx = x - v[3 * index];
            double dy = y - v[3 * index + 1];
            translate(v, index, dx, dy);
            for (int child : SkeletonHierarchy.descendants(index)) {
                translate(v, child, dx, dy);
            }
            return PersonPose.ofFlat(v);
        }
        double px = v[3 * parent];
        double py = v[3 * parent + 1];
        double before = Math.atan2(v[3 * index + 1] - py, v[3 * index] - px);
        double after = Math.atan2(y - py, x - px);
        if (x == px && y == py) {
            return pose;
        }
        double angle = after - before;
        rotate(v, index, px, py, angle);
        for (int child : SkeletonHierarchy.descendants(index)) {
            rotate(v, child, px, py, angle);
        }
        return PersonPose.ofFlat(v);
    }

    /** Shifts the given keypoints (present or hidden, so a hidden point keeps its place relative to the rest). */
    public static PersonPose translate(PersonPose pose, Collection<Integer> indices, double dx, double dy) {
        double[] v = pose.toFlat();
        for (int i : indices) {
            translate(v, i, dx, dy);
        }
        return PersonPose.ofFlat(v);
    }

    public static PersonPose rotate(PersonPose pose, Collection<Integer> indices, double cx, double cy, double radians) {
        double[] v = pose.toFlat();
        for (int i : indices) {
            rotate(v, i, cx, cy, radians);
        }
        return PersonPose.ofFlat(v);
    }

    public static PersonPose scale(PersonPose pose, Collection<Integer> indices, double cx, double cy, double factor) {
        double[] v = pose.toFlat();
        for (int i : indices) {
            if (unplaced(v, i)) {
                continue;
            }
            v[3 * i] = cx + (v[3 * i] - cx) * factor;
            v[3 * i + 1] = cy + (v[3 * i + 1] - cy) * factor;
        }
        return PersonPose.ofFlat(v);
    }

    /** Hides keypoints: confidence 0 (their limbs vanish) while x, y are kept for {@link #show}. */
    public static PersonPose hide(PersonPose pose, Collection<Integer> indices) {
        double[] v = pose.toFlat();
        for (int i : indices) {
            v[3 * i + 2] = 0;
        }
        return PersonPose.ofFlat(v);
    }

    /**
     * Shows hidden keypoints again at their remembered place with full confidence. A point that never
     * had a place (0, 0) appears a little below its parent so that it can be grabbed.
     */
    public static PersonPose show(PersonPose pose, Collection<Integer> indices) {
        double[] v = pose.toFlat();
        for (int i : indices) {
            if (v[3 * i + 2] >= Keypoint.VISIBLE_THRESHOLD) {
                continue;
            }
            if (v[3 * i] == 0 && v[3 * i + 1] == 0) {
                int parent = SkeletonHierarchy.parent(i);
                if (parent >= 0 && v[3 * parent + 2] > 0) {
                    v[3 * i] = v[3 * parent] + 10;
                    v[3 * i + 1] = v[3 * parent + 1] + 10;
                }
            }
            v[3 * i + 2] = 1;
        }
        return PersonPose.ofFlat(v);
    }

    /** Bounding box {minX, minY, maxX, maxY} of the given present keypoints, or null when none is present. */
    public static double[] bounds(PersonPose pose, Collection<Integer> indices) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (int i : indices) {
            if (pose.confidence(i) > 0) {
                any = true;
                minX = Math.min(minX, pose.x(i));
                minY = Math.min(minY, pose.y(i));
                maxX = Math.max(maxX, pose.x(i));
                maxY = Math.max(maxY, pose.y(i));
            }
        }
        return any ? new double[] {minX, minY, maxX, maxY} : null;
    }

    /** A hidden point that never had a place (0, 0, 0) stays where it is: it has nothing to move. */
    private static boolean unplaced(double[] v, int i) {
        return v[3 * i + 2] <= 0 && v[3 * i] == 0 && v[3 * i + 1] == 0;
    }

    private static void translate(double[] v, int i, double dx, double dy) {
        if (unplaced(v, i)) {
            return;
        }
        v[3 * i] += dx;
        v[3 * i + 1] += dy;
    }

    private static void rotate(double[] v, int i, double cx, double cy, double radians) {
        if (unplaced(v, i)) {
            return;
        }
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double x = v[3 * i] - cx;
        double y = v[3 * i + 1] - cy;
        v[3 * i] = cx + cos * x - sin * y;
        v[3 * i + 1] = cy + sin * x + cos * y;
    }
}
