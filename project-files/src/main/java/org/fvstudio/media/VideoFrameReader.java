package org.fvstudio.media;

import org.fvstudio.pose.render.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes the video stream of any file FFmpeg reads into RGB frames, in order.
 * With a frame stride s only frames 0, s, 2s, ... are converted to RGB (the others are decoded and dropped,
 * which is much cheaper). Close it (try-with-resources) to free the decoder.
 */
public final class VideoFrameReader implements Iterator<VideoFrame>, AutoCloseable {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final int stride;
    private final int width;
    private final int height;
    private final double frameRate;
    private final int reportedFrameCount;
    private int nextIndex;
    private VideoFrame pending;
    private boolean finished;

    private VideoFrameReader(Path file, FFmpegFrameGrabber grabber, int stride) {
        this.file = file;
        this.grabber = grabber;
        this.stride = stride;
        this.width = grabber.getImageWidth();
        this.height = grabber.getImageHeight();
        this.frameRate = grabber.getFrameRate();
        this.reportedFrameCount = containerFrameCount(grabber);
    }

    /** The stream's own frame count when the container has one; JavaCV's duration-based estimate otherwise. */
    private static int containerFrameCount(FFmpegFrameGrabber grabber) {
        long counted = grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames();
        return (int) Math.max(0, counted > 0 ? counted : grabber.getLengthInVideoFrames());
    }

    /** Opens every frame of {@code file}. */
    public static VideoFrameReader open(Path file) throws MediaException {
        return open(file, 1);
    }

    /** Opens {@code file}, delivering frames 0, stride, 2 stride, ... */
    public static VideoFrameReader open(Path file, int stride) throws MediaException {
        if (stride < 1) {
            throw new IllegalArgumentException("frame stride must be >= 1, got " + stride);
        }
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, "video file not found");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            FrameConversion.closeQuietly(grabber);
            throw new MediaException(file, "not a readable video (" + e.getMessage() + ")", e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            FrameConversion.closeQuietly(grabber);
            throw new MediaException(file, "has no video stream");
        }
        return new VideoFrameReader(file, grabber, stride);
    }

    public Path file() {
        return file;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Frames per second as the container states it. */
    public double frameRate() {
        return frameRate;
    }

    /** Frame count as the container states it (0 when unknown); the decoded count can differ slightly. */
    public int reportedFrameCount() {
        return reportedFrameCount;
    }

    public int stride() {
        return stride;
    }

    /** How many frames this reader will deliver, from the reported count (0 when unknown). */
    public int expectedDeliveredCount() {
        return reportedFrameCount == 0 ? 0 : (reportedFrameCount + stride - 1) / stride;
    }

    /** The next delivered frame, or {@code null} at the end of the stream. */
    public VideoFrame nextFrame() throws MediaException {
        if (pending != null) {
            VideoFrame frame = pending;
            pending = null;
            return frame;
        }
        return finished ? null : decodeNext();
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !finished) {
            try {
                pending = decodeNext();
            } catch (MediaException e) {
                throw new UncheckedMediaException(e);
            }
        }
        return pending != null;
    }

    @Override
    public VideoFrame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more frames in " + file);
        }
        VideoFrame frame = pending;
        pending = null;
        return frame;
    }

    private VideoFrame decodeNext() throws MediaException {
        try {
            while (true) {
                int index = nextIndex;
                boolean wanted = index % stride == 0;
                Frame frame = grabber.grabFrame(false, true, wanted, false);
                if (frame == null) {
                    finished = true;
                    return null;
                }
                if (frame.image == null) {
                    continue;
                }
                nextIndex++;
                if (wanted) {
                    return new VideoFrame(index, frame.timestamp / 1_000_000.0, toRgb(frame));
                }
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            finished = true;
            throw new MediaException(file, "decoding frame " + nextIndex + " failed (" + e.getMessage() + ")", e);
        }
    }

    private RgbImage toRgb(Frame frame) throws MediaException {
        return FrameConversion.toRgb(file, frame);
    }

    @Override
    public void close() {
        FrameConversion.closeQuietly(grabber);
    }
}
