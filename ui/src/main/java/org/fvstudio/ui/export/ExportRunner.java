package org.fvstudio.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.Mp4Exporter;
import org.fvstudio.export.OpenPoseSequenceExporter;
import org.fvstudio.export.PngSequenceExporter;
import org.fvstudio.export.ReferenceHeatmap;
import org.fvstudio.export.ReviewCompositions;
import org.fvstudio.export.SkeletonFrameSource;
import org.fvstudio.export.VideoSettings;
import org.fvstudio.input.InputLimits;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.MediaException;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.CoordinateMode;

import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.generation.GeneratedFrame;

/**
 * Writes an export from a project snapshot and its generated frames, on a background thread: the frames in
 * frame order (only generated ones), composed on the fly so memory stays flat. Cancelled or failed video and
 * PNG exports leave nothing behind (the exporters stage their output).
 */
public final class ExportRunner {

    private final Project project;
    private final Path bundle;
    private final List<GeneratedFrame> frames;

    public ExportRunner(Project project, Path bundle, Map<Integer, GeneratedFrame> generated) {
        this.project = project;
        this.bundle = bundle;
        this.frames = List.copyOf(new TreeMap<>(generated).values());
    }

    public ExportResult run(ExportRequest request, ExportMonitor monitor) throws ExportException {
        Path target = request.target();
        if (request.kind().needsGeneratedFrames() && frames.isEmpty()) {
            throw new ExportException(target, "Nothing to export to " + target.getFileName()
                    + ": no frame has been generated yet (Generate first)");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ExportException(target, "Cannot export to " + target + ": the folder " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new ExportException(target, "Cannot export to " + target + ": the folder " + parent + " is not writable");
        }
        VideoSettings video = VideoSettings.of(project.fps()).withQuality(request.quality());
        return switch (request.kind()) {
            case MP4, SIDE_BY_SIDE, HEATMAPS -> new Mp4Exporter(video).export(videoFrames(request), target, monitor);
            case PNG_SEQUENCE -> new PngSequenceExporter("frame").export(generated(), target, monitor);
            case OPENPOSE_JSON -> skeletonJson(target, monitor);
        };
    }

    /** The frames a video export encodes, composed on demand (also what a written video is checked against). */
    public FrameSource videoFrames(ExportRequest request) throws ExportException {
        Path target = request.target();
        if (frames.isEmpty()) {
            throw new ExportException(target, "Nothing to export to " + target.getFileName()
                    + ": no frame has been generated yet (Generate first)");
        }
        ReviewCompositions.Style style = new ReviewCompositions.Style(request.opacity(), request.sharedScale(),
                request.height(), true);
        return switch (request.kind()) {
            case MP4 -> generated();
            case SIDE_BY_SIDE -> ReviewCompositions.sideBySide(skeletons(), generated(), heatmaps(target), style);
            case HEATMAPS -> ReviewCompositions.heatmapsOnly(frames.size(), heatmaps(target), style);
            case PNG_SEQUENCE, OPENPOSE_JSON -> throw new IllegalArgumentException(request.kind() + " is not a video");
        };
    }

    /** The frame numbers exported, in order. */
    public List<Integer> frameNumbers() {
        return frames.stream().map(GeneratedFrame::frame).toList();
    }

    private FrameSource generated() {
        var first = frames.get(0).picture();
        return FrameSource.fitted(frames.size(), first.width(), first.height(), index -> frames.get(index).image());
    }

    private FrameSource skeletons() {
        return new SkeletonFrameSource(index -> project.targetPoseAt(frames.get(index).frame()), frames.size(),
                project.canvasWidth(), project.canvasHeight());
    }

    /** The references of the first exported frame, each with its map at every exported frame. */
    private List<ReferenceHeatmap> heatmaps(Path target) throws ExportException {
        List<ReferenceHeatmap> out = new ArrayList<>();
        for (ReferenceResult used : frames.get(0).references()) {
            String id = used.referenceId();
            Optional<ReferenceShot> shot = project.reference(id);
            String label = shot.map(ReferenceShot::name).orElse(id);
            RgbImage picture = shot.isPresent() ? picture(shot.get(), target)
                    : new RgbImage(used.correlation().width(), used.correlation().height());
            out.add(new ReferenceHeatmap(label, picture, index -> frames.get(index).reference(id)
                    .orElseThrow(() -> new ExportException(target, "Frame " + frames.get(index).frame()
                            + " was generated without reference '" + label + "': generate it again before exporting"))
                    .correlation()));
        }
        return out;
    }

    private RgbImage picture(ReferenceShot shot, Path target) throws ExportException {
        Path file = bundle.resolve("references").resolve(shot.imageFile());
        try {
            // The review shows the picture small beside its heatmap: the working size is plenty.
            return ImageFiles.readWithin(file, InputLimits.WORKING_MAX_SIDE).image();
        } catch (MediaException e) {
            throw new ExportException(target, "Cannot read the picture of reference '" + shot.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /** Staged: every frame file is written aside, then renamed in; a cancel or a failure keeps the previous export. */
    private ExportResult skeletonJson(Path folder, ExportMonitor monitor) throws ExportException {
        return new OpenPoseSequenceExporter(CoordinateMode.PIXELS).export(project.frameCount(), project::targetPoseAt,
                folder, monitor);
    }
}
