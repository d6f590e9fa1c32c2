package org.fvstudio.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.render.RgbImage;

/**
 * Decodes single frames of a video by index, in any order: a request just after the last one decodes
 * forward, anything else seeks (to the key frame before, then decodes forward). A frame's index is
 * its presentation time since the first frame times the frame rate, the numbering
 * {@link VideoFrameReader} uses for a constant-rate video. Not thread-safe; close it to free the decoder.
 */
public final class VideoFrameSeeker implements AutoCloseable {

    /** Decoding forward this many frames is cheaper than a seek, which restarts at a key frame. */
    private static final int MAX_FORWARD_DECODE = 12;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final double frameRate;
    private final int frameCount;
    private final long firstTimestamp;
    /** Index of the frame the next grab returns, or -1 after a failed or overshooting seek. */
    private int position = -1;

    private VideoFrameSeeker(Path file, FFmpegFrameGrabber grabber, double frameRate, int frameCount, long firstTimestamp) {
        this.file = file;
        this.grabber = grabber;
        this.frameRate = frameRate;
        this.frameCount = frameCount;
        this.firstTimestamp = firstTimestamp;
    }

    public static VideoFrameSeeker open(Path file) throws MediaException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException(file, "video file not found");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
        try {
            grabber.start();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new MediaException(file, "has no video stream");
            }
            try {
                InputLimits.checkVideoSize(file.toString(), grabber.getImageWidth(), grabber.getImageHeight());
            } catch (IOException e) {
                throw VideoFrameReader.refused(file, e);
            }
            double rate = grabber.getFrameRate();
            if (!(rate > 0)) {
                throw new MediaException(file, "states no frame rate, so its frames cannot be found by number");
            }
            long counted = grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames();
            int count = (int) Math.max(0, counted > 0 ? counted : grabber.getLengthInVideoFrames());
            Frame first = grabber.grabImage();
            if (first == null) {
                throw new MediaException(file, "has no decodable video frame");
            }
            VideoFrameSeeker seeker = new VideoFrameSeeker(file, grabber, rate, count, first.timestamp);
            seeker.position = 1;
            return seeker;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            FrameConversion.closeQuietly(grabber);
            throw new MediaException(file, "not a readable video (" + FfmpegProblems.opening(e) + ")", e);
        } catch (MediaException e) {
            FrameConversion.closeQuietly(grabber);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public double frameRate() {
        return frameRate;
    }

    /** Frame count as the container states it (0 when unknown). */
    public int frameCount() {
        return frameCount;
    }

    public int width() {
        return grabber.getImageWidth();
    }

    public int height() {
        return grabber.getImageHeight();
    }

    /**
     * Frame {@code index} (clamped to the frames the container states); past the real end of the stream
     * the last frame decoded is returned.
     */
    public RgbImage frame(int index) throws MediaException {
        int wanted = Math.max(0, frameCount > 0 ? Math.min(index, frameCount - 1) : index);
        try {
            boolean sought = false;
            if (position < 0 || wanted < position || wanted - position > MAX_FORWARD_DECODE) {
                seekBefore(wanted, 0);
                sought = true;
            }
            Frame last = null;
            while (true) {
                Frame frame = grabber.grabImage();
                if (sought && frame != null && indexOf(frame.timestamp) > wanted && wanted > 0) {
                    // The demuxer landed past the frame: start a second earlier, from the key frame before that.
                    seekBefore(wanted, (int) Math.ceil(frameRate));
                    sought = false;
                    continue;
                }
                sought = false;
                if (frame == null) {
                    position = -1;
                    if (last == null) {
                        throw new MediaException(file, "frame " + wanted + " lies past the end of the video");
                    }
                    return FrameConversion.toRgb(file, last);
                }
                int at = indexOf(frame.timestamp);
                if (at >= wanted) {
                    position = at + 1;
                    return FrameConversion.toRgb(file, frame);
                }
                last = frame;
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            position = -1;
            throw new MediaException(file, "decoding frame " + wanted + " failed (" + FfmpegProblems.decoding(e) + ")", e);
        }
    }

    private int indexOf(long timestampMicros) {
        return (int) Math.round((timestampMicros - firstTimestamp) * frameRate / 1_000_000.0);
    }

    /** Seeks so that the next grab is at or before frame {@code index}, {@code earlier} frames more to be safe. */
    private void seekBefore(int index, int earlier) throws FrameGrabber.Exception {
        // Half a frame early: the grabber lands on the first frame at or after the time it is given.
        long target = firstTimestamp + Math.round((index - earlier - 0.5) * 1_000_000.0 / frameRate);
        grabber.setVideoTimestamp(Math.max(firstTimestamp, target));
        position = index;
    }

    @Override
    public void close() {
        FrameConversion.closeQuietly(grabber);
    }
}
