package org.fvstudio.ui.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.ui.inference.InferenceSettings;

/**
 * The stand-in DWPose models and the driving video of the inference module's tests, used in place:
 * inference/src/test/resources/dwpose/{yolox_l.onnx, dw-ll_ucoco_384.onnx} are made by
 * inference/src/test/python/make_dwpose_test_models.py (their outputs are known functions, restated below);
 * inference/src/test/resources/video/pose2sim_cam03.mp4 is the Pose2Sim demo trial, camera 3 (1088x1920,
 * 60 fps, 100 frames), BSD-3-Clause, see SOURCE.md and LICENSE-pose2sim beside it.
 */
final class DwposeTestData {

    static final Path MODELS = Path.of("..", "inference", "src", "test", "resources", "dwpose").toAbsolutePath().normalize();
    static final Path VIDEO = Path.of("..", "inference", "src", "test", "resources", "video", "pose2sim_cam03.mp4")
            .toAbsolutePath().normalize();
    static final int VIDEO_WIDTH = 1088;
    static final int VIDEO_HEIGHT = 1920;
    static final double VIDEO_FPS = 60;
    static final int VIDEO_FRAMES = 100;

    /** Person boxes the stand-in detector reports that survive NMS, letterboxed cx, cy, w, h; A is the larger. */
    static final double[] PERSON_A = {168, 336, 192, 480};
    static final double[] PERSON_B = {300, 100, 40, 80};

    private DwposeTestData() {
    }

    static InferenceSettings settings() {
        if (!Files.isRegularFile(MODELS.resolve("yolox_l.onnx")) || !Files.isRegularFile(VIDEO)) {
            throw new IllegalStateException("the inference module's DWPose test resources are missing under " + MODELS.getParent());
        }
        return new InferenceSettings(DevicePreference.CPU, 1, List.of(MODELS));
    }

    /**
     * Where the stand-in estimator puts the nose (COCO point 0, OpenPose body point 0) of a person in an image of
     * w x h pixels: its SimCC peaks sit at crop bins (40, 50), i.e. crop pixel (20, 25) of the 288x384 crop
     * around the box (box / letterbox ratio, padded 1.25, grown to aspect 0.75).
     */
    static double[] nose(double[] letterboxedBox, int imageWidth, int imageHeight) {
        double r = Math.min(640.0 / imageHeight, 640.0 / imageWidth);
        double cx = letterboxedBox[0] / r;
        double cy = letterboxedBox[1] / r;
        double w = letterboxedBox[2] / r * 1.25;
        double h = letterboxedBox[3] / r * 1.25;
        if (w / h > 0.75) {
            h = w / 0.75;
        } else {
            w = h * 0.75;
        }
        return new double[] {cx - w / 2 + 20.0 * w / 288, cy - h / 2 + 25.0 * h / 384};
    }
}
