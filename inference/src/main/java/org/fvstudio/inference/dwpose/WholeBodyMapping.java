package org.fvstudio.inference.dwpose;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/**
 * COCO-WholeBody's 133 points to DWPose's 134: a neck (mean of the shoulders, present only when both
 * shoulders score above 0.3) is inserted at index 17, the body is reordered to the OpenPose-18 order,
 * then feet 18-23, face 24-91, left hand 92-112, right hand 113-133. Points scoring below 0.3 become
 * missing (0, 0, 0); scores above 1 are clamped to 1.
 */
public final class WholeBodyMapping {

    public static final int COCO_WHOLEBODY_POINTS = 133;
    public static final double THRESHOLD = Keypoint.VISIBLE_THRESHOLD;

    /** COCO index (with the neck as 17) of each OpenPose-18 body point. */
    static final int[] OPENPOSE_BODY_FROM_COCO = {0, 17, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3};

    private static final int LEFT_SHOULDER = 5;
    private static final int RIGHT_SHOULDER = 6;

    private WholeBodyMapping() {
    }

    /** @param coco flat [133][x, y, score] in image pixels */
    public static PersonPose toDwpose(double[] coco) {
        if (coco.length != 3 * COCO_WHOLEBODY_POINTS) {
            throw new IllegalArgumentException("expected " + 3 * COCO_WHOLEBODY_POINTS + " values, got " + coco.length);
        }
        // 134 points in COCO order with the neck inserted at 17: body 0-16, neck 17, the rest shifted by one.
        double[] withNeck = new double[3 * PersonPose.KEYPOINT_COUNT];
        System.arraycopy(coco, 0, withNeck, 0, 3 * 17);
        System.arraycopy(coco, 3 * 17, withNeck, 3 * 18, 3 * (COCO_WHOLEBODY_POINTS - 17));
        double ls = coco[3 * LEFT_SHOULDER + 2];
        double rs = coco[3 * RIGHT_SHOULDER + 2];
        if (ls > THRESHOLD && rs > THRESHOLD) {
            withNeck[3 * 17] = (coco[3 * LEFT_SHOULDER] + coco[3 * RIGHT_SHOULDER]) / 2;
            withNeck[3 * 17 + 1] = (coco[3 * LEFT_SHOULDER + 1] + coco[3 * RIGHT_SHOULDER + 1]) / 2;
            withNeck[3 * 17 + 2] = (ls + rs) / 2;
        }
        double[] out = new double[3 * PersonPose.KEYPOINT_COUNT];
        for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
            int from = i < OPENPOSE_BODY_FROM_COCO.length ? OPENPOSE_BODY_FROM_COCO[i] : i;
            double score = withNeck[3 * from + 2];
            if (score >= THRESHOLD && Double.isFinite(withNeck[3 * from]) && Double.isFinite(withNeck[3 * from + 1])) {
                out[3 * i] = withNeck[3 * from];
                out[3 * i + 1] = withNeck[3 * from + 1];
                out[3 * i + 2] = Math.min(1.0, score);
            }
        }
        return PersonPose.ofFlat(out);
    }
}
