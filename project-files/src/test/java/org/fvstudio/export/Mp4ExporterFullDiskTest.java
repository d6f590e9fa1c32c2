package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 1: exports onto a disk that fills up. Before the read-back check, the MP4 export of the 50 real
 * Pose2Sim frames onto a 100 KiB disk printed "exported 50 frames" and left a take.mp4 without its index
 * ("moov atom not found"); the PNG export ended the JVM with ImageIO's NullPointerException trace.
 */
class Mp4ExporterFullDiskTest {

    @TempDir
    Path disk;

    @Test
    void anMp4ThatDoesNotFitFailsAsADiskFullAndLeavesNothingUnderItsName() throws Exception {
        FullDisk.Run run = FullDisk.run(FullDiskExports.class, disk, 100, "new");

        assertThat(run.output()).contains("failed: Cannot write export to " + disk.resolve("take.mp4")
                + ": the disk is full (the video came out incomplete; nothing was left under that name)");
        assertThat(run.output()).doesNotContain("exported").contains("files: \n").doesNotContain("Exception");
    }

    @Test
    void anMp4ThatDoesNotFitKeepsThePreviousExportWhole() throws Exception {
        FullDisk.Run run = FullDisk.run(FullDiskExports.class, disk, 100, "replace");

        assertThat(run.output()).contains("failed: Cannot write export to " + disk.resolve("take.mp4")
                + ": the disk is full (the video came out incomplete; the previous take.mp4 is kept)");
        assertThat(run.output()).contains("previous export intact").contains("files: take.mp4\n");
    }

    @Test
    void aPngSequenceThatDoesNotFitFailsAsADiskFullWithoutATrace() throws Exception {
        FullDisk.Run run = FullDisk.run(FullDiskExports.class, disk, 200, "png");

        assertThat(run.output()).containsPattern("failed: Cannot write export to " + disk.resolve("frames")
                + "/frame_000\\d\\d\\.png: the disk is full");
        assertThat(run.output()).contains("files: \n").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
