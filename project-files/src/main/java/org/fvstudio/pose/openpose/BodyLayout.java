package org.fvstudio.pose.openpose;

/**
 * Body keypoint layouts found in OpenPose-style JSON, with where each of the 18 OpenPose/DWPose
 * body points (nose, neck, RSho, RElb, RWri, LSho, LElb, LWri, RHip, RKnee, RAnk, LHip, LKnee,
 * LAnk, REye, LEye, REar, LEar) comes from.
 */
public enum BodyLayout {
    /** OpenPose COCO-18, as written by ControlNet editors and DWPose. */
    OPENPOSE_18(18, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, false),
    /** MS-COCO 17 (no neck): the neck is the shoulders' midpoint, present only when both shoulders are. */
    COCO_17(17, new int[] {0, -1, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3}, false),
    /** OpenPose BODY_25: COCO-18 with MidHip at 8 and feet at 19-24; MidHip has no DWPose slot. */
    BODY_25(25, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}, true),
    /**
     * OpenPose's experimental BODY_25B (used by Pose2Sim): COCO-17 order, 17 upper neck (taken as the
     * neck), 18 head top (no DWPose slot), feet at 19-24.
     */
    BODY_25B(25, new int[] {0, 17, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3}, true);

    /** Marks the COCO-17 neck (the -1 above), which is computed rather than read. */
    static final int COMPUTED_NECK = -1;

    /**
     * BODY_25 and BODY_25B keep the feet at 19-24 in COCO-WholeBody / DWPose order: left big toe,
     * left small toe, left heel, right big toe, right small toe, right heel.
     */
    static final int FIRST_FOOT = 19;

    private final int pointCount;
    private final int[] sourceOfBodyPoint;
    private final boolean hasFeet;

    BodyLayout(int pointCount, int[] sourceOfBodyPoint, boolean hasFeet) {
        this.pointCount = pointCount;
        this.sourceOfBodyPoint = sourceOfBodyPoint;
        this.hasFeet = hasFeet;
    }

    public int pointCount() {
        return pointCount;
    }

    /** Index in this layout of OpenPose-18 body point {@code bodyIndex}, or -1 for a computed neck. */
    public int sourceIndex(int bodyIndex) {
        return sourceOfBodyPoint[bodyIndex];
    }

    public boolean hasFeet() {
        return hasFeet;
    }
}
