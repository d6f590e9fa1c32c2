package org.fvstudio.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.fvstudio.pose.render.RgbImage;

/** Real frames from the Pose2Sim clip in the test resources, and read-back helpers for exported videos. */
public final class TestVideos {

    static final String CLIP = "pose2sim_cam03_2s.mp4";

    private TestVideos() {
    }

    /** Every frame of the bundled 136x240 Pose2Sim clip (50 frames). */
    public static List<RgbImage> pose2simFrames(Path workFolder) throws IOException {
        Path clip = workFolder.resolve(CLIP);
        try (InputStream in = TestVideos.class.getResourceAsStream(CLIP)) {
            if (in == null) {
                throw new IOException("test resource " + CLIP + " missing");
            }
            Files.copy(in, clip, StandardCopyOption.REPLACE_EXISTING);
        }
        return decode(clip).frames();
    }

    public record Decoded(List<RgbImage> frames, int width, int height, double fps, String codec) {
    }

    public static Decoded decode(Path video) throws IOException {
        VideoReadback.Video read = VideoReadback.read(video);
        return new Decoded(read.frames(), read.width(), read.height(), read.fps(), read.codec());
    }

    /** Peak signal-to-noise ratio over the region both images share at the top-left, in dB. */
    public static double psnr(RgbImage a, RgbImage b, int width, int height) {
        return VideoReadback.psnr(a, b, width, height);
    }
}
