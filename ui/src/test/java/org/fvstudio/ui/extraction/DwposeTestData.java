package org.fvstudio.ui.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.ui.inference.InferenceSettings;

/**
 * The stand-in DWPose models and the driving video of the inference module's tests, used in place:
 * inference/src/test/resources/dwpose/{yolox_l.onnx, dw-ll_ucoco_384.onnx} are made by
 * inference/src/test/python/make_dwpose_test_models.py (their outputs are known functions, restated in the
 * inference module's DwposeTestModels);
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

    private DwposeTestData() {
    }

    static InferenceSettings settings() {
        if (!Files.isRegularFile(MODELS.resolve("yolox_l.onnx")) || !Files.isRegularFile(VIDEO)) {
            throw new IllegalStateException("the inference module's DWPose test resources are missing under " + MODELS.getParent());
        }
        return new InferenceSettings(DevicePreference.CPU, 1, List.of(MODELS));
    }
}
