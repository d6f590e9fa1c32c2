package org.fvstudio.media;

import org.bytedeco.ffmpeg.global.avutil;

/** The version of the FFmpeg libraries that JavaCV loaded, for logs and bug reports. */
public final class FfmpegVersion {

    private FfmpegVersion() {
    }

    /** E.g. "8.0.1"; loads the FFmpeg natives on first use, so call it off the FX thread. */
    public static String text() {
        try {
            return avutil.av_version_info().getString();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "not loaded (" + e.getMessage() + ")";
        }
    }
}
