package org.fvstudio.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
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
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            List<RgbImage> frames = new ArrayList<>();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames.add(toImage(frame));
            }
            Decoded decoded = new Decoded(frames, grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getFrameRate(), grabber.getVideoCodecName());
            grabber.stop();
            return decoded;
        }
    }

    private static RgbImage toImage(Frame frame) {
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            buffer.position(y * frame.imageStride);
            buffer.get(rgb, y * w * 3, w * 3);
        }
        return RgbImage.ofRgbBytes(w, h, rgb);
    }

    /** Peak signal-to-noise ratio over the region both images share at the top-left, in dB. */
    public static double psnr(RgbImage a, RgbImage b, int width, int height) {
        double sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = a.rgb(x, y);
                int q = b.rgb(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = (p >> shift & 0xFF) - (q >> shift & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * width * height);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
