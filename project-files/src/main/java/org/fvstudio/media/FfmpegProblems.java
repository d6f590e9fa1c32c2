package org.fvstudio.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg's complaints (through JavaCV: "avformat_open_input() error -1094995529: Could not open input ...") said in
 * FV Studio's words; the original goes to the log for whoever debugs it.
 */
public final class FfmpegProblems {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegProblems.class);
    private static final Pattern ERROR_CODE = Pattern.compile("error (-?\\d+)");
    /** AVERROR_INVALIDDATA, AVERROR_EOF, -ENOENT, -EIO, -ENOMEM, AVERROR_DECODER_NOT_FOUND. */
    private static final int INVALID_DATA = -1094995529;
    private static final int END_OF_FILE = -541478725;
    private static final int NO_SUCH_FILE = -2;
    private static final int INPUT_OUTPUT = -5;
    private static final int NO_MEMORY = -12;
    private static final int DECODER_NOT_FOUND = -1128613112;

    private FfmpegProblems() {
    }

    /** Why a file could not be opened as a video. */
    public static String opening(Throwable problem) {
        LOG.debug("FFmpeg could not open the input", problem);
        return switch (code(problem)) {
            case INVALID_DATA, END_OF_FILE -> "its data is damaged, truncated or not a video";
            case NO_SUCH_FILE -> "the file has gone";
            case INPUT_OUTPUT -> "the disk could not be read";
            case NO_MEMORY -> "not enough memory to open it";
            case DECODER_NOT_FOUND -> "its video codec is not one FFmpeg here decodes";
            default -> "FFmpeg cannot open it as a video";
        };
    }

    /** Why decoding stopped part-way. */
    static String decoding(Throwable problem) {
        LOG.debug("FFmpeg could not decode a frame", problem);
        return switch (code(problem)) {
            case NO_MEMORY -> "not enough memory to decode it";
            case INPUT_OUTPUT -> "the disk could not be read";
            default -> "the video data is damaged or truncated";
        };
    }

    /** Why writing a video failed, without JavaCV's hints to developers ("make sure FFmpegLogCallback.set() ..."). */
    public static String writing(Throwable problem) {
        LOG.debug("FFmpeg could not write the video", problem);
        int code = code(problem);
        return switch (code) {
            case NO_SUCH_FILE -> "its folder has gone";
            case INPUT_OUTPUT -> "the disk could not be written";
            case NO_MEMORY -> "not enough memory to encode it";
            case 0 -> "FFmpeg could not encode it";
            default -> "FFmpeg could not encode it (" + describe(code) + ")";
        };
    }

    /** FFmpeg's own one-line text for an error code ("Invalid argument"), with the code. */
    private static String describe(int code) {
        byte[] text = new byte[256];
        if (avutil.av_strerror(code, text, text.length) < 0) {
            return "error " + code;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT) + ", error " + code;
    }

    private static int code(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = ERROR_CODE.matcher(t.getMessage());
                if (m.find()) {
                    try {
                        return Integer.parseInt(m.group(1));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }
}
