package org.fvstudio.media;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.input.FuzzFolders;
import org.fvstudio.input.LoaderContract;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A driving video through both openers: the sequential reader of extraction (every frame, at most 30) and the
 * seeker of the driving-video view (the first and the last frame). Seeds: short real clips, a truncated one
 * (VideoOpenerFuzzTestInputs/).
 */
class VideoOpenerFuzzTest {

    private static final Path DIR = FuzzFolders.create("fuzz-video");
    private static final int MAX_FRAMES = 30;

    @FuzzTest
    @Timeout(20)
    void video(byte[] data) throws Exception {
        Path file = DIR.resolve("clip.mp4");
        Files.write(file, data);
        LoaderContract.holds(DIR, data, () -> readFrames(file), MediaException.class);
        LoaderContract.holds(DIR, data, () -> seekEnds(file), MediaException.class);
    }

    private static void readFrames(Path file) throws MediaException {
        try (VideoFrameReader reader = VideoFrameReader.open(file)) {
            for (int i = 0; i < MAX_FRAMES && reader.nextFrame() != null; i++) {
                // decoding is the test
            }
        }
    }

    private static void seekEnds(Path file) throws MediaException {
        try (VideoFrameSeeker seeker = VideoFrameSeeker.open(file)) {
            if (seeker.frameCount() > 0) {
                seeker.frame(0);
                seeker.frame(seeker.frameCount() - 1);
            }
        }
    }
}
