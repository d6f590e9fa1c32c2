package org.fvstudio.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.CoordinateMode;
import org.fvstudio.pose.openpose.OpenPoseWriter;
import org.fvstudio.project.Project;

/**
 * The target skeleton sequence as OpenPose JSON files ({@code frame_000000000000_keypoints.json}, ...) written by
 * {@link OpenPoseWriter}, with progress and cancel. Files are staged beside the folder and moved in when all are
 * written; frame files of an earlier, longer export are removed afterwards, so the folder never mixes two exports.
 */
public final class OpenPoseSequenceExporter {

    private static final String FRAME_FILE_FORMAT = "frame_%012d_keypoints.json";
    private static final Pattern FRAME_FILE = Pattern.compile("frame_[0-9]{12}_keypoints\\.json");

    private final OpenPoseWriter writer;
    private final CoordinateMode mode;

    public OpenPoseSequenceExporter(OpenPoseWriter writer, CoordinateMode mode) {
        this.writer = writer;
        this.mode = mode;
    }

    public OpenPoseSequenceExporter(CoordinateMode mode) {
        this(new OpenPoseWriter(), mode);
    }

    /** The project's target poses, through the virtual camera (what the model sees) or as keyed. */
    public static IntFunction<Pose> targetOf(Project project, boolean throughCamera) {
        return throughCamera ? project::targetPoseAt : project::rawTargetPoseAt;
    }

    public static String fileName(int frame) {
        return String.format(Locale.ROOT, FRAME_FILE_FORMAT, frame);
    }

    public ExportResult export(int frameCount, IntFunction<Pose> poses, Path folder, ExportMonitor monitor)
            throws ExportException {
        if (frameCount <= 0) {
            throw new ExportException(folder, "Nothing to export to " + folder + ": the sequence has no frames");
        }
        long start = System.nanoTime();
        long bytes = 0;
        Set<String> written = new HashSet<>();
        int width = 0;
        int height = 0;
        try (StagedOutput staged = StagedOutput.folder(folder)) {
            for (int i = 0; i < frameCount; i++) {
                if (monitor.isCancelled()) {
                    throw new ExportCancelledException(folder, i);
                }
                Pose pose = poses.apply(i);
                width = pose.canvasWidth();
                height = pose.canvasHeight();
                Path file = staged.staging().resolve(fileName(i));
                try {
                    writer.writeFrame(pose, file, mode);
                    bytes += Files.size(file);
                } catch (IOException e) {
                    throw StagedOutput.describe(folder.resolve(fileName(i)), folder, e);
                }
                written.add(fileName(i));
                monitor.progress(i + 1, frameCount);
            }
            staged.commitFolder();
        }
        removeOlderFrames(folder, written);
        return new ExportResult(folder, frameCount, width, height, "openpose-json", bytes, (System.nanoTime() - start) / 1e9);
    }

    private static void removeOlderFrames(Path folder, Set<String> keep) throws ExportException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (FRAME_FILE.matcher(name).matches() && !keep.contains(name)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw StagedOutput.describe(folder, folder, e);
        }
    }
}
