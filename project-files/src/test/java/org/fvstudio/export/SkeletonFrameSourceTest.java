package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.render.DwposeRenderer;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkeletonFrameSourceTest {

    @TempDir
    Path out;

    @Test
    void drawsEachTargetPoseWithTheDwposeRendererAtTheOutputScale() throws Exception {
        List<Pose> cam03 = new OpenPoseReader().readSequence(
                Path.of(SkeletonFrameSourceTest.class.getResource("/poses/pose2sim/cam03").toURI())).subList(0, 12);
        Pose first = cam03.get(0);
        Project project = Project.createNew("Skeletons").withCanvas(first.canvasWidth(), first.canvasHeight())
                .withTiming(60, 12).withTarget(PoseTrack.fromFrames(cam03, Interpolation.LINEAR));

        SkeletonFrameSource skeletons = SkeletonFrameSource.of(project, true, 2, 10, 136, 240);

        double scale = 136.0 / first.canvasWidth();
        RgbImage expected = new DwposeRenderer().render(project.targetPoseAt(5), 136, 240, scale);
        RgbImage drawn = skeletons.frame(3);
        assertThat(Images.samePixels(drawn, expected)).isTrue();
        long lit = java.util.Arrays.stream(drawn.packedPixels()).filter(p -> p != 0).count();
        assertThat(lit).as("skeleton pixels").isGreaterThan(300);

        Path target = out.resolve("skeleton.mp4");
        new Mp4Exporter(VideoSettings.of(60)).export(skeletons, target, ExportMonitor.NONE);
        TestVideos.Decoded decoded = TestVideos.decode(target);
        assertThat(decoded.frames()).hasSize(10);
        assertThat(decoded.codec()).isEqualTo("h264");
        assertThat(TestVideos.psnr(decoded.frames().get(3), drawn, 136, 240)).isGreaterThanOrEqualTo(30.0);
    }
}
