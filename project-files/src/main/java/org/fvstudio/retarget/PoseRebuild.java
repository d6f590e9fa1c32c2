package org.fvstudio.retarget;

import static org.fvstudio.pose.BodyJoint.*;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;

/**
 * Rebuilds one pose from the neck outwards: every present joint is placed from its nearest present ancestor along
 * the source's direction, the bone (or bones, across a missing joint) scaled by its {@link BoneGains} factor. Feet
 * follow the shin's factor from the ankle, the face the head's from the nose, a hand the forearm's from its wrist.
 * Then the whole body is moved: across to keep the hips' (else the neck's) screen position, and up or down so the
 * source's lowest foot point keeps its height (a planted foot neither floats nor sinks); without feet the neck keeps
 * its height. Strength blends each point between the source and the rebuilt pose.
 */
final class PoseRebuild {

    private static final int[][] FEET = {{18, 19, 20}, {21, 22, 23}};
    private static final BodyJoint[] FOOT_ANKLE = {LEFT_ANKLE, RIGHT_ANKLE};

    private final BoneGains gains;
    private final double strength;

    PoseRebuild(BoneGains gains, double strength) {
        this.gains = gains;
        this.strength = strength;
    }

    /** The rebuilt pose; a pose without a neck (or both shoulders to stand for it) is returned unchanged. */
    PersonPose rebuild(PersonPose source) {
        double[] src = source.toFlat();
        double[] neck = neck(source);
        if (neck == null) {
            return source;
        }
        // x, y, c layout like src; done marks the points placed
        double[] placed = new double[src.length];
        boolean[] done = new boolean[PersonPose.KEYPOINT_COUNT];
        placed[3 * NECK.index()] = neck[0];
        placed[3 * NECK.index() + 1] = neck[1];
        for (BodyJoint joint : BoneKind.children()) {
            if (!source.get(joint).isPresent()) {
                continue;
            }
            double sum = 0;
            int count = 0;
            BodyJoint anchor = joint;
            do {
                sum += gains.of(BoneKind.endingAt(anchor));
                count++;
                anchor = BoneKind.parentOf(anchor);
            } while (anchor != NECK && !source.get(anchor).isPresent());
            // across a missing joint: the mean factor of the bones on the way
            double[] from = anchor == NECK ? neck : new double[] {src[3 * anchor.index()], src[3 * anchor.index() + 1]};
            place(placed, done, joint.index(), anchor.index(), src, from, sum / count);
        }
        for (int side = 0; side < 2; side++) {
            attach(src, neck, placed, done, FOOT_ANKLE[side], FEET[side], gains.of(BoneKind.SHIN));
        }
        attach(src, neck, placed, done, NOSE, range(BodyPart.FACE), gains.of(BoneKind.HEAD));
        attach(src, neck, placed, done, LEFT_WRIST, range(BodyPart.LEFT_HAND), gains.of(BoneKind.FOREARM));
        attach(src, neck, placed, done, RIGHT_WRIST, range(BodyPart.RIGHT_HAND), gains.of(BoneKind.FOREARM));
        if (source.get(NECK).isPresent()) {
            done[NECK.index()] = true;
        }
        double dx = anchorX(src, done, neck) - anchorX(placed, done, neck(placed));
        double dy = groundShift(src, placed, done);
        double[] out = src.clone();
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            if (done[i]) {
                out[3 * i] = src[3 * i] + strength * (placed[3 * i] + dx - src[3 * i]);
                out[3 * i + 1] = src[3 * i + 1] + strength * (placed[3 * i + 1] + dy - src[3 * i + 1]);
            }
        }
        return PersonPose.ofFlat(out);
    }

    /** The neck, or the middle of the shoulders when the neck is missing; null when neither is there. */
    private static double[] neck(PersonPose pose) {
        if (pose.get(NECK).isPresent()) {
            return new double[] {pose.x(NECK.index()), pose.y(NECK.index())};
        }
        if (pose.get(RIGHT_SHOULDER).isPresent() && pose.get(LEFT_SHOULDER).isPresent()) {
            return new double[] {(pose.x(RIGHT_SHOULDER.index()) + pose.x(LEFT_SHOULDER.index())) / 2,
                    (pose.y(RIGHT_SHOULDER.index()) + pose.y(LEFT_SHOULDER.index())) / 2};
        }
        return null;
    }

    private static double[] neck(double[] placed) {
        return new double[] {placed[3 * NECK.index()], placed[3 * NECK.index() + 1]};
    }

    /** Places point {@code index} from the placed {@code anchor} along its source offset from {@code from}. */
    private static void place(double[] placed, boolean[] done, int index, int anchor, double[] src, double[] from,
                              double factor) {
        placed[3 * index] = placed[3 * anchor] + factor * (src[3 * index] - from[0]);
        placed[3 * index + 1] = placed[3 * anchor + 1] + factor * (src[3 * index + 1] - from[1]);
        done[index] = true;
    }

    /** Points hung on a body joint; without that joint they keep their offset from the neck, scaled. */
    private static void attach(double[] src, double[] neck, double[] placed, boolean[] done, BodyJoint base,
                               int[] points, double factor) {
        boolean hasBase = done[base.index()];
        int anchor = hasBase ? base.index() : NECK.index();
        double[] from = hasBase ? new double[] {src[3 * anchor], src[3 * anchor + 1]} : neck;
        for (int i : points) {
            if (src[3 * i + 2] > 0) {
                place(placed, done, i, anchor, src, from, factor);
            }
        }
    }

    /** x of the hips' middle, of the one hip placed, or of the neck. */
    private static double anchorX(double[] xyc, boolean[] done, double[] neck) {
        boolean right = done[RIGHT_HIP.index()];
        boolean left = done[LEFT_HIP.index()];
        if (right && left) {
            return (xyc[3 * RIGHT_HIP.index()] + xyc[3 * LEFT_HIP.index()]) / 2;
        }
        return right ? xyc[3 * RIGHT_HIP.index()] : left ? xyc[3 * LEFT_HIP.index()] : neck[0];
    }

    /** Vertical move that keeps the source's lowest foot point at its height; without feet, the neck's. */
    private static double groundShift(double[] src, double[] placed, boolean[] done) {
        int lowest = -1;
        for (int i : new int[] {LEFT_ANKLE.index(), RIGHT_ANKLE.index(), 18, 19, 20, 21, 22, 23}) {
            if (done[i] && (lowest < 0 || src[3 * i + 1] > src[3 * lowest + 1])) {
                lowest = i;
            }
        }
        // the neck is placed where the source's is: without feet it keeps its height
        return lowest < 0 ? 0 : src[3 * lowest + 1] - placed[3 * lowest + 1];
    }

    private static int[] range(BodyPart part) {
        int[] points = new int[part.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = part.offset() + i;
        }
        return points;
    }
}
