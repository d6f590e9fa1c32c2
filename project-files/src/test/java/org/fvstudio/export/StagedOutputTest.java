package org.fvstudio.export;

import org.fvstudio.project.io.WriteProblems;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bytedeco.javacv.FrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages a user sees when the disk fills up (as Java reports ENOSPC, and as FFmpeg does, AVERROR -28), and
 * the modes of what an export leaves (issue 20 item 4: not 0600 / 0700 from the temporary it was written to).
 */
class StagedOutputTest {

    @TempDir
    Path temp;

    @Test
    void anExportedFileGetsTheUsualModeAndAReplacedOneKeepsItsOwn() throws Exception {
        Path probe = Files.createFile(temp.resolve("probe"));
        Path video = temp.resolve("take.mp4");
        try (StagedOutput staged = StagedOutput.file(video, ".mp4")) {
            Files.writeString(staged.staging(), "frames");
            staged.commitFile();
        }
        assertThat(Files.getPosixFilePermissions(video)).isEqualTo(Files.getPosixFilePermissions(probe));

        Files.setPosixFilePermissions(video, PosixFilePermissions.fromString("rw-rw-r--"));
        try (StagedOutput staged = StagedOutput.file(video, ".mp4")) {
            Files.writeString(staged.staging(), "new frames");
            staged.commitFile();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(video))).isEqualTo("rw-rw-r--");
        assertThat(Files.readString(video)).isEqualTo("new frames");
    }

    @Test
    void anExportedFolderGetsTheUsualModeOfAFolder() throws Exception {
        Path probe = Files.createDirectory(temp.resolve("probe-folder"));
        Path frames = temp.resolve("frames");
        try (StagedOutput staged = StagedOutput.folder(frames)) {
            Files.writeString(staged.staging().resolve("frame_0.png"), "x");
            staged.commitFolder();
        }
        assertThat(Files.getPosixFilePermissions(frames)).isEqualTo(Files.getPosixFilePermissions(probe));
    }

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

        assertThat(WriteProblems.isDiskFull(ffmpeg)).isTrue();
        assertThat(WriteProblems.isDiskFull(new FrameRecorder.Exception("avcodec_open2() error -22"))).isFalse();
    }
}
