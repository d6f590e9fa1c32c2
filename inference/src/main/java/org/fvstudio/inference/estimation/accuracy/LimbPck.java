package org.fvstudio.inference.estimation.accuracy;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/**
 * PCK (percentage of correct keypoints) of the 12 limb joints (shoulders, elbows, wrists, hips, knees,
 * ankles), or of other joints ({@link #feet}): a predicted joint is correct when it lies within a fraction of
 * the ground truth's torso height (the distance from the middle of the shoulders to the middle of the hips) of
 * the true joint. Only joints the ground truth sees count; a joint the prediction lacks counts as wrong.
 */
public final class LimbPck {

    /** OpenPose-18 indices: RShoulder, RElbow, RWrist, LShoulder, LElbow, LWrist, RHip, RKnee, RAnkle, LHip, LKnee, LAnkle. */
    static final int[] LIMB_JOINTS = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    /** DWPose feet the embedded estimator fills: left big toe, left heel, right big toe, right heel. */
    static final int[] FOOT_JOINTS = {18, 20, 21, 23};
    private static final int R_SHOULDER = 2;
    private static final int L_SHOULDER = 5;
    private static final int R_HIP = 8;
    private static final int L_HIP = 11;

    private final int[] joints;
    private final double[] fractions;
    private final long[] correct;
    private long counted;
    private long given;
    private long frames;
    private long skippedFrames;

    /** @param fractions the thresholds, as fractions of the torso height (e.g. 0.1, 0.2) */
    public LimbPck(double... fractions) {
        this(LIMB_JOINTS, fractions);
    }

    private LimbPck(int[] joints, double[] fractions) {
        this.joints = joints;
        this.fractions = fractions.clone();
        this.correct = new long[fractions.length];
    }

    /** PCK of the big toes and heels, the foot points that both OpenPose BODY_25B and the embedded estimator have. */
    public static LimbPck feet(double... fractions) {
        return new LimbPck(FOOT_JOINTS, fractions);
    }

    /** Adds one frame; {@code predicted} may be null (nobody found where the subject is). */
    public void add(PersonPose truth, PersonPose predicted) {
        double torso = torsoHeight(truth);
        if (!(torso > 0)) {
            skippedFrames++;
            return;
        }
        frames++;
        for (int joint : joints) {
            if (!visible(truth, joint)) {
                continue;
            }
            counted++;
            if (predicted == null || !visible(predicted, joint)) {
                continue;
            }
            given++;
            double distance = Math.hypot(predicted.x(joint) - truth.x(joint), predicted.y(joint) - truth.y(joint));
            for (int i = 0; i < fractions.length; i++) {
                if (distance <= fractions[i] * torso) {
                    correct[i]++;
                }
            }
        }
    }

    /** Adds every frame of {@code other} (same thresholds). */
    public void addAll(LimbPck other) {
        for (int i = 0; i < fractions.length; i++) {
            correct[i] += other.correct[i];
        }
        counted += other.counted;
        given += other.given;
        frames += other.frames;
        skippedFrames += other.skippedFrames;
    }

    /** PCK at threshold {@code index}, in 0..1; NaN before any counted joint. */
    public double pck(int index) {
        return counted == 0 ? Double.NaN : (double) correct[index] / counted;
    }

    public long countedJoints() {
        return counted;
    }

    /** Counted joints that the prediction has too. */
    public long givenJoints() {
        return given;
    }

    /** PCK at threshold {@code index} of the joints the prediction has (an absent joint not counted as wrong). */
    public double pckOfGiven(int index) {
        return given == 0 ? Double.NaN : (double) correct[index] / given;
    }

    public long frames() {
        return frames;
    }

    /** Frames whose ground truth has no torso (a shoulder or a hip missing on both sides). */
    public long skippedFrames() {
        return skippedFrames;
    }

    static double torsoHeight(PersonPose truth) {
        double[] shoulders = middle(truth, R_SHOULDER, L_SHOULDER);
        double[] hips = middle(truth, R_HIP, L_HIP);
        if (shoulders == null || hips == null) {
            return Double.NaN;
        }
        return Math.hypot(shoulders[0] - hips[0], shoulders[1] - hips[1]);
    }

    /** The middle of two joints, or the one that is visible, or null. */
    private static double[] middle(PersonPose pose, int a, int b) {
        boolean va = visible(pose, a);
        boolean vb = visible(pose, b);
        if (va && vb) {
            return new double[] {(pose.x(a) + pose.x(b)) / 2, (pose.y(a) + pose.y(b)) / 2};
        }
        if (va || vb) {
            int j = va ? a : b;
            return new double[] {pose.x(j), pose.y(j)};
        }
        return null;
    }

    static boolean visible(PersonPose pose, int joint) {
        return pose.confidence(joint) > Keypoint.VISIBLE_THRESHOLD;
    }
}
