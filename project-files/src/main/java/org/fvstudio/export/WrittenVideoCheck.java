package org.fvstudio.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-opens a video an exporter has just written and counts its frames, before it is renamed into place.
 * FFmpeg reports some write errors only into its I/O context, which JavaCV does not look at when it writes the
 * trailer: on a full disk {@code stop()} returns normally and leaves a file without its index ("moov atom not
 * found"). Reading the file back is the one check that sees every way it can come out incomplete.
 */
final class WrittenVideoCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WrittenVideoCheck.class);
    /** Below this much free space a file that came out short is put down to a full disk. */
    private static final long NEARLY_FULL_BYTES = 4L << 20;

    private WrittenVideoCheck() {
    }

    /** Fails unless {@code written} opens as a video holding {@code expectedFrames} frames. */
    static void requireComplete(Path written, Path target, int expectedFrames) throws ExportException {
        int found;
        try {
            found = countFrames(written);
        } catch (FrameGrabber.Exception e) {
            LOG.debug("FFmpeg cannot read back {}", written, e);
            throw incomplete(written, target, "it cannot be read back as a video");
        }
        if (found != expectedFrames) {
            throw incomplete(written, target, "it holds " + found + " of the " + expectedFrames + " frames written");
        }
    }

    /** Video packets in the file, one per frame for the H.264 FV Studio writes; nothing is decoded. */
    static int countFrames(Path video) throws FrameGrabber.Exception {
        // "moov atom not found" is the very thing looked for; it is said in our words by the caller.
        int level = avutil.av_log_get_level();
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.start();
            int stream = grabber.getVideoStream();
            int frames = 0;
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                if (packet.stream_index() == stream) {
                    frames++;
                }
                avcodec.av_packet_unref(packet);
            }
            grabber.stop();
            return frames;
        } finally {
            avutil.av_log_set_level(level);
        }
    }

    private static ExportException incomplete(Path written, Path target, String what) {
        String left = Files.exists(target) ? "the previous " + target.getFileName() + " is kept"
                : "nothing was left under that name";
        if (nearlyFull(written)) {
            return new ExportException(target, "Cannot write export to " + target
                    + ": the disk is full (the video came out incomplete; " + left + ")");
        }
        return new ExportException(target, "Cannot write export to " + target + ": the video came out incomplete ("
                + what + "; " + left + ")");
    }

    private static boolean nearlyFull(Path written) {
        try {
            return Files.getFileStore(written).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException e) {
            return false;
        }
    }
}
