package org.fvstudio.pose.openpose;

/** The pose JSON formats the reader understands. */
public enum PoseJsonFormat {
    /** OpenPose / ControlNet editors: {@code {"people": [{"pose_keypoints_2d": [x, y, c, ...]}]}}. */
    OPENPOSE("OpenPose"),
    /** TensorFlow.js pose-detection (MoveNet, BlazePose): {@code [{"keypoints": [{x, y, score, name}]}]}, pixels. */
    MOVENET("MoveNet / TensorFlow.js"),
    /** MediaPipe pose landmarks: 33 {@code {x, y, z, visibility}} fractions of the image. */
    MEDIAPIPE("MediaPipe");

    private final String label;

    PoseJsonFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
