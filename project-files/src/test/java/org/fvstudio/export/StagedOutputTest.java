package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.bytedeco.javacv.FrameRecorder;
import org.junit.jupiter.api.Test;

/** The messages a user sees when the disk fills up: as Java reports ENOSPC, and as FFmpeg does (AVERROR -28). */
class StagedOutputTest {

    @Test
    void aFullDiskIsNamedAsSuchWithTheTarget() {
        Path target = Path.of("/media/card/take.mp4");
        IOException enospc = new FileSystemException("/media/card/.take.mp4.123.mp4", null, "No space left on device");

        ExportException e = StagedOutput.describe(target, target.getParent(), enospc);

        assertThat(e.getMessage()).isEqualTo("Cannot write export to /media/card/take.mp4: the disk is full");
        assertThat(e.path()).isEqualTo(target);
    }

    @Test
    void ffmpegsWriteErrorMinus28IsADiskFull() {
        FrameRecorder.Exception ffmpeg = new FrameRecorder.Exception(
                "av_interleaved_write_frame() error -28 while writing interleaved video packet.");

        assertThat(StagedOutput.isDiskFull(ffmpeg)).isTrue();
        assertThat(StagedOutput.isDiskFull(new FrameRecorder.Exception("avcodec_open2() error -22"))).isFalse();
    }
}
