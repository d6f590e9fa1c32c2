package org.fvstudio.ui.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

import org.fvstudio.media.BoxShrink;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.render.RgbImage;

/** The cam03 driving video decoded front to back by {@link VideoFrameReader}, independent of any seeking. */
public final class VideoTestFrames {

    /** H.264, 1088x1920, 60 fps, 100 frames (BSD-3, LICENSE-pose2sim beside it). */
    public static final Path VIDEO = Path.of("..", "inference", "src", "test", "resources", "video", "pose2sim_cam03.mp4")
            .toAbsolutePath().normalize();

    private VideoTestFrames() {
    }

    /** Every frame shrunk by {@code shrink}. */
    public static List<RgbImage> sequential(int shrink) throws Exception {
        List<RgbImage> frames = new ArrayList<>();
        try (VideoFrameReader reader = VideoFrameReader.open(VIDEO)) {
            reader.forEachRemaining(f -> frames.add(BoxShrink.shrink(f.image(), shrink)));
        }
        return frames;
    }

    /** Mean absolute difference per channel between a shown image and a decoded frame of the same size. */
    public static double meanAbsoluteDifference(Image shown, RgbImage expected) {
        if ((int) shown.getWidth() != expected.width() || (int) shown.getHeight() != expected.height()) {
            throw new AssertionError("sizes differ: shown " + shown.getWidth() + "x" + shown.getHeight()
                    + ", expected " + expected.width() + "x" + expected.height());
        }
        PixelReader pixels = shown.getPixelReader();
        long sum = 0;
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                int argb = pixels.getArgb(x, y);
                sum += Math.abs((argb >> 16 & 0xff) - expected.red(x, y));
                sum += Math.abs((argb >> 8 & 0xff) - expected.green(x, y));
                sum += Math.abs((argb & 0xff) - expected.blue(x, y));
            }
        }
        return sum / (3.0 * expected.width() * expected.height());
    }
}
