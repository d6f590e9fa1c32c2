package org.fvstudio.pose.openpose;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.input.FuzzFolders;
import org.fvstudio.input.LoaderContract;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A pose file as the import reads it: OpenPose / ControlNet (openpose-editor), MoveNet and MediaPipe JSON, one
 * frame or an array of frames. Seeds: the real files of poses/ (PoseJsonFuzzTestInputs/).
 */
class PoseJsonFuzzTest {

    private static final Path DIR = FuzzFolders.create("fuzz-pose");

    @FuzzTest
    @Timeout(10)
    void poseJson(byte[] json) throws Exception {
        Path file = DIR.resolve("pose.json");
        Files.write(file, json);
        LoaderContract.holds(DIR, json, () -> new OpenPoseReader().read(file), PoseFormatException.class);
    }
}
