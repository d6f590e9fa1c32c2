package org.fvstudio.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.fvstudio.media.FfmpegProblems;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.io.WriteProblems;

/**
 * Writes a {@link FrameSource} as an H.264 MP4 (yuv420p, even size by padding, {@code +faststart}),
 * frame by frame, into a hidden file beside the target that is renamed onto it only when it reads back whole.
 */
public final class Mp4Exporter {

    static {
        // FFmpeg prints stream dumps and encoder chatter on stderr at its default level; keep errors only
        // unless asked (-Dfvstudio.ffmpeg.verbose=true).
        if (!Boolean.getBoolean("fvstudio.ffmpeg.verbose")) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        }
    }

    private final VideoSettings settings;

    public Mp4Exporter(VideoSettings settings) {
        this.settings = settings;
    }

    public ExportResult export(FrameSource source, Path target, ExportMonitor monitor) throws ExportException {
        int total = source.frameCount();
        if (total <= 0) {
            throw new ExportException(target, "Nothing to export to " + target + ": the sequence has no frames");
        }
        H264Encoder encoder = settings.encoder() != null ? settings.encoder() : H264Encoder.best();
        if (!encoder.isAvailable()) {
            throw new ExportException(target, "Cannot export " + target + ": encoder " + encoder.codecName()
                    + " is not in the FFmpeg natives on the class path");
        }
        // yuv420p subsamples chroma by 2 in both directions, so H.264 needs even sizes: pad, never crop.
        int width = source.width() + (source.width() & 1);
        int height = source.height() + (source.height() & 1);
        long start = System.nanoTime();
        try (StagedOutput staged = StagedOutput.file(target, ".mp4")) {
            encode(source, staged.staging(), encoder, width, height, monitor, target);
            WrittenVideoCheck.requireComplete(staged.staging(), target, total);
            staged.commitFile();
        }
        return new ExportResult(target, total, width, height, encoder.codecName(), sizeOf(target),
                (System.nanoTime() - start) / 1e9);
    }

    private void encode(FrameSource source, Path file, H264Encoder encoder, int width, int height,
                        ExportMonitor monitor, Path target) throws ExportException {
        int total = source.frameCount();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        try (Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3)) {
            configure(recorder, encoder, width, height);
            recorder.start();
            for (int i = 0; i < total; i++) {
                if (monitor.isCancelled()) {
                    throw new ExportCancelledException(target, i);
                }
                RgbImage image = source.frame(i);
                if (image.width() != source.width() || image.height() != source.height()) {
                    throw new ExportException(target, "Frame " + i + " is " + image.width() + "x" + image.height()
                            + " but the sequence is " + source.width() + "x" + source.height());
                }
                fill(frame, image, width, height);
                recorder.record(frame, avutil.AV_PIX_FMT_RGB24);
                monitor.progress(i + 1, total);
            }
            // stop() writes the moov index; without it the file is unplayable.
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw failure(target, e);
        } finally {
            try {
                recorder.release();
            } catch (FrameRecorder.Exception ignored) {
                // the staged file is discarded anyway when we got here by an exception
            }
        }
    }

    private void configure(FFmpegFrameRecorder recorder, H264Encoder encoder, int width, int height) {
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(encoder.codecName());
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(settings.fps());
        recorder.setGopSize((int) Math.max(1, Math.round(settings.fps() * 2)));
        recorder.setOption("movflags", "+faststart");
        if (encoder == H264Encoder.X264) {
            recorder.setVideoOption("crf", Integer.toString(settings.quality().crf()));
            recorder.setVideoOption("preset", "medium");
        } else {
            recorder.setVideoBitrate(settings.quality().bitrate(width, height, settings.fps()));
            // openh264 may drop frames to hold the rate; an export must keep every frame.
            recorder.setVideoOption("allow_skip_frames", "0");
        }
    }

    /** Copies the image as RGB24 into the frame buffer; the padding (right column, bottom row) stays black. */
    private static void fill(Frame frame, RgbImage image, int paddedWidth, int paddedHeight) {
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        byte[] row = new byte[paddedWidth * 3];
        int[] pixels = image.packedPixels();
        int width = image.width();
        for (int y = 0; y < paddedHeight; y++) {
            if (y >= image.height()) {
                Arrays.fill(row, (byte) 0);
                buffer.position(y * stride);
                buffer.put(row);
                continue;
            }
            for (int x = 0, b = 0, i = y * width; x < width; x++, b += 3, i++) {
                int p = pixels[i];
                row[b] = (byte) (p >> 16);
                row[b + 1] = (byte) (p >> 8);
                row[b + 2] = (byte) p;
            }
            buffer.position(y * stride);
            buffer.put(row);
        }
        buffer.rewind();
    }

    private static ExportException failure(Path target, FrameRecorder.Exception e) {
        if (WriteProblems.isDiskFull(e)) {
            return new ExportException(target, "Cannot write export to " + target + ": the disk is full", e);
        }
        return new ExportException(target, "Encoding " + target + " failed: " + FfmpegProblems.writing(e), e);
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
