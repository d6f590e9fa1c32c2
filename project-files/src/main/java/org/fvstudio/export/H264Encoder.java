package org.fvstudio.export;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * Which H.264 encoder the FFmpeg natives on the class path provide: libx264 in the GPL build
 * (Maven profile {@code gpl}), libopenh264 in the default LGPL build.
 */
public enum H264Encoder {
    X264("libx264"),
    OPENH264("libopenh264");

    private final String codecName;

    H264Encoder(String codecName) {
        this.codecName = codecName;
    }

    public String codecName() {
        return codecName;
    }

    /** True when the loaded FFmpeg natives contain this encoder. */
    public boolean isAvailable() {
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(codecName);
        return codec != null && !codec.isNull();
    }

    /** libx264 when present (better quality per bit, honours CRF), else libopenh264. */
    public static H264Encoder best() throws ExportException {
        for (H264Encoder encoder : values()) {
            if (encoder.isAvailable()) {
                return encoder;
            }
        }
        throw new ExportException(null, "No H.264 encoder in the FFmpeg natives on the class path "
                + "(looked for libx264 and libopenh264)");
    }
}
