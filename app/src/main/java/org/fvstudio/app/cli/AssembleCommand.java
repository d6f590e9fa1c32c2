package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fvstudio.app.farm.FrameFolder;
import org.fvstudio.app.farm.FrameRanges;
import org.fvstudio.app.farm.FrameSelection;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.Mp4Exporter;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.export.VideoSettings;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fvstudio assemble PROJECT --out DIR --mp4 FILE}: the last step of a farm render. Checks that every frame of
 * the range is in the folder and complete (its stats JSON there, its files matching their checksums), names the
 * missing ones otherwise, then encodes the frames, read one at a time, as H.264 at the project's frame rate.
 */
@Command(name = "assemble", mixinStandardHelpOptions = true,
        description = "Check that a farm render is complete and encode its frames as an MP4.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:failed (cannot write the video)", "2:bad options or input", "6:frames missing"})
public final class AssembleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder the render wrote its frames to")
    Path out;

    @Option(names = "--mp4", paramLabel = "FILE", required = true, description = "the video to write")
    Path mp4;

    @Option(names = "--frames", paramLabel = "SPEC", description = "frames in the farm range grammar (default: all)")
    String frames;

    @Option(names = "--quality", paramLabel = "draft|standard|high", defaultValue = "standard",
            description = "MP4 quality (default: ${DEFAULT-VALUE})")
    String quality;

    @Override
    public Integer call() {
        Project project;
        List<Integer> wanted;
        VideoQuality videoQuality;
        try {
            project = ProjectBundle.open(projectDir).project();
        } catch (IOException | ProjectFormatException e) {
            System.err.println("fvstudio assemble: cannot open project " + projectDir + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            wanted = FrameSelection.resolve(frames, null, false, project.frameCount());
            videoQuality = RenderCommand.quality(quality);
            if (!Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is not a folder");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("fvstudio assemble: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (FrameFolder folder = FrameFolder.open(out)) {
            List<Integer> missing = new ArrayList<>();
            for (int f : wanted) {
                if (folder.complete(f).isEmpty()) {
                    missing.add(f);
                }
            }
            if (!missing.isEmpty()) {
                System.err.println("fvstudio assemble: " + missing.size() + " of " + wanted.size() + " frames are missing or"
                        + " incomplete in " + out + ": " + FrameRanges.format(missing) + " (render them, then assemble again)");
                return ExitCodes.INCOMPLETE;
            }
            RgbImage first = PngImages.read(out.resolve(FrameFolder.frameName(wanted.get(0)) + ".png"));
            FrameSource source = FrameSource.fitted(wanted.size(), first.width(), first.height(), i -> {
                Path png = out.resolve(FrameFolder.frameName(wanted.get(i)) + ".png");
                try {
                    return PngImages.read(png);
                } catch (IOException e) {
                    throw new ExportException(png, "Cannot read frame " + png + ": " + e.getMessage(), e);
                }
            });
            ExportResult written = new Mp4Exporter(VideoSettings.of(project.fps()).withQuality(videoQuality))
                    .export(source, mp4, new ExportMonitor() {
                        @Override
                        public void progress(int done, int total) {
                            if (done == total || done % 25 == 0) {
                                System.err.printf("encoding %s  frame %d/%d%n", mp4.getFileName(), done, total);
                            }
                        }
                    });
            System.err.printf("wrote %s: %d frames, %dx%d, %s%n", written.path(), written.frames(), written.width(),
                    written.height(), written.encoder());
            return ExitCodes.OK;
        } catch (ExportException e) {
            System.err.println("fvstudio assemble: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            System.err.println("fvstudio assemble: cannot read " + out + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
