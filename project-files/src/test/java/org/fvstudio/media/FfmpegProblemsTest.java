package org.fvstudio.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.junit.jupiter.api.Test;

/** Issue 20 item 8: FFmpeg's failures without JavaCV's hints to developers. */
class FfmpegProblemsTest {

    @Test
    void anEncoderFailureNamesFfmpegsReasonWithoutJavaCvsHints() {
        FrameRecorder.Exception e = new FrameRecorder.Exception("avcodec_open2() error -22: Could not open video codec. "
                + "(For more details, make sure FFmpegLogCallback.set() has been called.)");

        assertThat(FfmpegProblems.writing(e)).isEqualTo("FFmpeg could not encode it (invalid argument, error -22)");
    }

    @Test
    void aFileThatIsNotAVideoIsSaidPlainly() {
        FrameGrabber.Exception e = new FrameGrabber.Exception("avformat_open_input() error -1094995529: Could not open "
                + "input \"/tmp/x.mp4\". (Has setFormat() been called?) (For more details, make sure "
                + "FFmpegLogCallback.set() has been called.)");

        assertThat(FfmpegProblems.opening(e)).isEqualTo("its data is damaged, truncated or not a video");
    }
}
