package org.fvstudio.pose.openpose;

/**
 * Where COCO-17 and the six DWPose foot points lie among the 33 BlazePose landmarks (MediaPipe pose,
 * TensorFlow.js BlazePose). Left and right are the person's, as in COCO.
 */
public final class BlazePoseLandmarks {

    public static final int COUNT = 33;

    /** COCO-17 point i is landmark COCO_17[i]: nose 0, eyes 2/5, ears 7/8, shoulders 11/12, ... ankles 27/28. */
    static final int[] COCO_17 = {0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28};

    /**
     * DWPose feet (left big toe, left small toe, left heel, right big toe, right small toe, right heel):
     * the foot index (tip of the foot) stands in for the big toe, the heels are the heels, and there is
     * no small toe (-1). The embedded estimator's feet use the same table (inference, FootLandmarker).
     */
    private static final int[] FEET = {31, -1, 29, 32, -1, 30};

    /** The BlazePose landmark of DWPose foot point {@code footIndex} (0..5), or -1 for the small toes it lacks. */
    public static int footLandmark(int footIndex) {
        return FEET[footIndex];
    }
    static final String[] NAMES = {
        "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
        "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
        "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
        "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
        "left_heel", "right_heel", "left_foot_index", "right_foot_index"};

    private BlazePoseLandmarks() {
    }

    /** One person from 33 landmarks given as x, y, confidence triples: COCO-17 body and the DWPose feet. */
    static RawPerson person(double[] landmarks) {
        double[] body = new double[17 * 3];
        for (int i = 0; i < COCO_17.length; i++) {
            System.arraycopy(landmarks, 3 * COCO_17[i], body, 3 * i, 3);
        }
        double[] feet = new double[6 * 3];
        for (int i = 0; i < FEET.length; i++) {
            if (FEET[i] >= 0) {
                System.arraycopy(landmarks, 3 * FEET[i], feet, 3 * i, 3);
            }
        }
        return new RawPerson(body, null, null, null, feet);
    }
}
