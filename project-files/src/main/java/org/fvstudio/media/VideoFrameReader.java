package org.fvstudio.media;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.render.RgbImage;
import java.io.IOException;
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
    private final int declaredWidth;
    private final int declaredHeight;
    private final double frameRate;
    private final int reportedFrameCount;
    /** The container's own frame count, 0 when it states none. */
    private final int statedFrameCount;
    private int nextIndex;
    private VideoFrame pending;
    private boolean finished;

    private VideoFrameReader(Path file, FFmpegFrameGrabber grabber, int stride, int declaredWidth, int declaredHeight) {
        this.file = file;
        this.grabber = grabber;
        this.stride = stride;
        this.declaredWidth = declaredWidth;
        this.declaredHeight = declaredHeight;
        this.width = grabber.getImageWidth();
        this.height = grabber.getImageHeight();
        this.frameRate = grabber.getFrameRate();
        this.reportedFrameCount = containerFrameCount(grabber);
        this.statedFrameCount = (int) Math.max(0, Math.min(Integer.MAX_VALUE,
                grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames()));
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

    /**
     * Opens {@code file}, delivering frames 0, stride, 2 stride, ...; a video whose frames are declared larger than
     * {@link InputLimits#VIDEO_MAX_SIDE} or {@link InputLimits#VIDEO_MAX_PIXELS} is refused before a frame is decoded.
     */
    public static VideoFrameReader open(Path file, int stride) throws MediaException {
        if (stride < 1) {
            throw new IllegalArgumentException("frame stride must be >= 1, got " + stride);
        }
        FFmpegFrameGrabber grabber = start(file, "video file not found");
        try {
            InputLimits.checkVideoSize(file.toString(), grabber.getImageWidth(), grabber.getImageHeight());
        } catch (IOException e) {
            FrameConversion.closeQuietly(grabber);
            throw refused(file, e);
        }
        return new VideoFrameReader(file, grabber, stride, grabber.getImageWidth(), grabber.getImageHeight());
    }

    /**
     * Opens a still picture FFmpeg decodes and ImageIO does not (WebP, TIFF), checked against the picture limits and
     * scaled by FFmpeg to at most {@code maxSide} a side.
     */
    static VideoFrameReader openPicture(Path file, int maxSide) throws MediaException {
        FFmpegFrameGrabber grabber = start(file, "image file not found");
        int w = grabber.getImageWidth();
        int h = grabber.getImageHeight();
        try {
            InputLimits.checkImageSize(file.toString(), w, h);
        } catch (IOException e) {
            FrameConversion.closeQuietly(grabber);
            throw refused(file, e);
        }
        int subsampling = InputLimits.subsampling(w, h, maxSide);
        if (subsampling > 1) {
            grabber.setImageWidth(Math.max(1, w / subsampling));
            grabber.setImageHeight(Math.max(1, h / subsampling));
        }
        return new VideoFrameReader(file, grabber, 1, w, h);
    }

    private static FFmpegFrameGrabber start(Path file, String missing) throws MediaException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, missing);
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            FrameConversion.closeQuietly(grabber);
            throw new MediaException(file, "not a readable video (" + FfmpegProblems.opening(e) + ")", e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            FrameConversion.closeQuietly(grabber);
            throw new MediaException(file, "has no video stream");
        }
        return grabber;
    }

    static MediaException refused(Path file, IOException e) {
        String prefix = file + ": ";
        String problem = e instanceof BadInputException bad ? bad.problem()
                : e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new MediaException(file, problem, e);
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

    /** The frame size the file declares; {@link #width()} and {@link #height()} are smaller for a scaled picture. */
    public int declaredWidth() {
        return declaredWidth;
    }

    public int declaredHeight() {
        return declaredHeight;
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
                    checkNotTruncated();
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
            throw new MediaException(file, "decoding frame " + nextIndex + " failed (" + FfmpegProblems.decoding(e) + ")", e);
        }
    }

    /**
     * A stream that ends well before the frame count its container states has lost its end (a cut download, a
     * full disk while recording). A frame or two, or 2 %, short is how containers count, not damage.
     */
    private void checkNotTruncated() throws MediaException {
        int missing = statedFrameCount - nextIndex;
        if (statedFrameCount > 0 && missing > Math.max(2, statedFrameCount / 50)) {
            throw new MediaException(file, "truncated: the video data ends after " + nextIndex + " of the "
                    + statedFrameCount + " frames the file states");
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
