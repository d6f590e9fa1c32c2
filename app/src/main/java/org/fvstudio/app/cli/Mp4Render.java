package org.fvstudio.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.Mp4Exporter;
import org.fvstudio.export.ReferenceHeatmap;
import org.fvstudio.export.ReviewCompositions;
import org.fvstudio.export.SkeletonFrameSource;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.export.VideoSettings;
import org.fvstudio.inference.job.CorrelationMaps;
import org.fvstudio.inference.job.FrameResult;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.pipeline.ReferenceImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;

/**
 * The {@code --mp4} output of {@code fvstudio render}: the generated frames (kept in memory until the run
 * ends, then encoded) as an H.264 MP4, or the review composition (target skeleton | generated | each
 * reference with its heatmap). The exporter writes a temporary file and renames it when complete.
 */
final class Mp4Render {

    private static final int REVIEW_HEIGHT = 512;

    private final Project project;
    private final List<FrameResult> frames = new ArrayList<>();

    Mp4Render(Project project) {
        this.project = project;
    }

    void add(FrameResult frame) {
        frames.add(frame);
    }

    int frameCount() {
        return frames.size();
    }

    ExportResult write(Path target, VideoQuality quality, boolean review, ReferenceImages pictures, PrintStream progress)
            throws ExportException, GenerationException {
        if (frames.isEmpty()) {
            throw new ExportException(target, "No frame was generated, so there is nothing to write to " + target);
        }
        FrameSource generated = FrameSource.of(frames.stream().map(FrameResult::image).toList());
        FrameSource source = review ? review(generated, pictures) : generated;
        ExportMonitor monitor = new ExportMonitor() {
            @Override
            public void progress(int done, int total) {
                progress.printf("\rencoding %s  frame %d/%d   ", target.getFileName(), done, total);
                progress.flush();
            }
        };
        ExportResult result = new Mp4Exporter(VideoSettings.of(project.fps()).withQuality(quality))
                .export(source, target, monitor);
        progress.println();
        return result;
    }

    private FrameSource review(FrameSource generated, ReferenceImages pictures) throws GenerationException {
        List<Integer> numbers = frames.stream().map(FrameResult::frame).toList();
        FrameSource skeletons = new SkeletonFrameSource(
                i -> project.targetPoseAt(numbers.get(i)), numbers.size(), project.canvasWidth(), project.canvasHeight());
        CorrelationMaps first = frames.get(0).correlation();
        List<ReferenceHeatmap> heatmaps = new ArrayList<>();
        for (int r = 0; r < first.referenceIds().size(); r++) {
            String id = first.referenceIds().get(r);
            ReferenceShot shot = project.reference(id).orElseThrow(
                    () -> new IllegalStateException("generated with reference '" + id + "' that the project lacks"));
            RgbImage picture = pictures.load(shot);
            int index = r;
            heatmaps.add(new ReferenceHeatmap(shot.name(), picture, i -> {
                CorrelationMaps maps = frames.get(i).correlation();
                return FloatMap.of(maps.width(), maps.height(), maps.of(index));
            }));
        }
        int height = Math.min(REVIEW_HEIGHT, generated.height());
        return ReviewCompositions.sideBySide(skeletons, generated, heatmaps, ReviewCompositions.Style.defaults(height));
    }
}
