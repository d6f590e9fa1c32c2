package org.fvstudio.motion.bvh;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.input.FuzzFolders;
import org.fvstudio.input.InputTooLargeException;
import org.fvstudio.input.LoaderContract;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A BVH file through the steps of the motion import: parse, map the skeleton to a whole body, size the track at
 * 24 fps, frame it with the default camera and build the first frames. Seeds: the head of the CMU clip and the
 * hostile BVH files (BvhFuzzTestInputs/).
 */
class BvhFuzzTest {

    private static final Path DIR = FuzzFolders.create("fuzz-bvh");

    @FuzzTest
    @Timeout(10)
    void bvh(byte[] data) throws Exception {
        Path file = DIR.resolve("clip.bvh");
        Files.write(file, data);
        LoaderContract.holds(DIR, data, () -> importMotion(file), BvhFormatException.class, BvhMappingException.class,
                InputTooLargeException.class);
    }

    private static void importMotion(Path file) throws Exception {
        BvhPoseTrackBuilder builder = new BvhPoseTrackBuilder(BvhParser.parse(file));
        builder.mapping().requireWholeBody();
        int frames = builder.trackFrameCountAt(24);
        OrbitCameraTrack camera = builder.defaultCamera(640, 480);
        builder.build(24, Math.min(frames, 48), camera, 640, 480);
    }
}
