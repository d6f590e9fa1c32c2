package org.fvstudio.export;

import java.util.function.IntFunction;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.DwposeRenderer;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;

/**
 * The target skeleton of each frame drawn by the {@link DwposeRenderer} (the model's own pose picture), scaled
 * from the pose canvas to the output size: the left panel of the review video.
 */
public final class SkeletonFrameSource implements FrameSource {

    private final DwposeRenderer renderer = new DwposeRenderer();
    private final IntFunction<Pose> poses;
    private final int frameCount;
    private final int width;
    private final int height;

    /** Frame {@code i} shows {@code poses.apply(i)}. */
    public SkeletonFrameSource(IntFunction<Pose> poses, int frameCount, int width, int height) {
        if (frameCount <= 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("need a positive frame count and size, got " + frameCount + " frames of "
                    + width + "x" + height);
        }
        this.poses = poses;
        this.frameCount = frameCount;
        this.width = width;
        this.height = height;
    }

    /** Project frames {@code first} .. {@code first + count - 1}, through the virtual camera or as keyed. */
    public static SkeletonFrameSource of(Project project, boolean throughCamera, int first, int count,
                                         int width, int height) {
        IntFunction<Pose> target = OpenPoseSequenceExporter.targetOf(project, throughCamera);
        return new SkeletonFrameSource(i -> target.apply(first + i), count, width, height);
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public RgbImage frame(int index) {
        Pose pose = poses.apply(index);
        // one scale for both axes, as the generated frame covers the same canvas
        double scale = Math.min((double) width / pose.canvasWidth(), (double) height / pose.canvasHeight());
        return renderer.render(pose, width, height, scale);
    }
}
