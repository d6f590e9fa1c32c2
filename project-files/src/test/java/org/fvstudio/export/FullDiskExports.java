package org.fvstudio.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.fvstudio.pose.render.RgbImage;

/**
 * The child side of {@link Mp4ExporterFullDiskTest}: exports into the full-disk folder it is given and prints what
 * happened ("exported ..." or "failed: message"), then what the folder holds.
 */
public final class FullDiskExports {

    private FullDiskExports() {
    }

    public static void main(String[] args) throws Exception {
        Path disk = Path.of(args[0]);
        String scenario = args[1];
        List<RgbImage> frames = TestVideos.pose2simFrames(Files.createTempDirectory("fvstudio-clip"));
        Path target = disk.resolve("take.mp4");
        byte[] previous = null;
        if (scenario.equals("replace")) {
            new Mp4Exporter(VideoSettings.of(25)).export(FrameSource.of(frames.subList(0, 2)), target, ExportMonitor.NONE);
            previous = Files.readAllBytes(target);
        }
        try {
            ExportResult result = switch (scenario) {
                case "png" -> new PngSequenceExporter("frame").export(FrameSource.of(frames), disk.resolve("frames"),
                        ExportMonitor.NONE);
                default -> new Mp4Exporter(VideoSettings.of(25)).export(FrameSource.of(frames), target, ExportMonitor.NONE);
            };
            System.out.println("exported " + result.frames() + " frames, " + result.bytes() + " bytes");
        } catch (ExportException e) {
            System.out.println("failed: " + e.getMessage());
        }
        if (previous != null) {
            System.out.println("previous export " + (Arrays.equals(previous, Files.readAllBytes(target)) ? "intact" : "changed"));
        }
        System.out.println(FullDisk.listing(disk));
    }
}
