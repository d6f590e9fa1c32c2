package org.fvstudio.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.fvstudio.media.FfmpegProblems;
import org.fvstudio.pose.render.RgbImage;

/** Decodes a written video back into RGB frames with its stream facts, to check what an export produced. */
public final class VideoReadback {

    /**
     * @param frames         every decoded frame, in order
     * @param reportedFrames the frame count the container states
     */
    public record Video(List<RgbImage> frames, int reportedFrames, int width, int height, double fps, String codec) {
    }

    private VideoReadback() {
    }

    public static Video read(Path video) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            grabber.start();
            List<RgbImage> frames = new ArrayList<>();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames.add(toImage(frame));
            }
            Video read = new Video(List.copyOf(frames), grabber.getLengthInVideoFrames(), grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getFrameRate(), grabber.getVideoCodecName());
            grabber.stop();
            return read;
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("Cannot decode " + video + ": " + FfmpegProblems.opening(e), e);
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

    /** Peak signal-to-noise ratio of two images of the same size, in dB (infinite when identical). */
    public static double psnr(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("PSNR needs images of one size, got " + a.width() + "x" + a.height()
                    + " and " + b.width() + "x" + b.height());
        }
        return psnr(a, b, a.width(), a.height());
    }

    /** PSNR over the width x height region both images share at the top-left (padding excluded), in dB. */
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
