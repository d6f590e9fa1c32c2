package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.CoordinateMode;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPoseSequenceExporterTest {

    static List<Pose> cam03;

    @TempDir
    Path out;

    @BeforeAll
    static void load() throws Exception {
        cam03 = new OpenPoseReader().readSequence(resource("/poses/pose2sim/cam03"));
        assertThat(cam03).hasSize(100);
    }

    @Test
    void theRealPose2SimSequenceRoundTripsThroughTheExport() throws Exception {
        Path folder = out.resolve("poses");

        ExportResult result = new OpenPoseSequenceExporter(CoordinateMode.PIXELS)
                .export(cam03.size(), cam03::get, folder, ExportMonitor.NONE);

        assertThat(result.frames()).isEqualTo(100);
        List<Pose> back = new OpenPoseReader().readSequence(folder);
        assertThat(back).hasSize(100);
        for (int f = 0; f < 100; f += 7) {
            assertSamePose(back.get(f), cam03.get(f));
        }
    }

    @Test
    void exportsTheTargetThroughTheVirtualCamera() throws Exception {
        Pose first = cam03.get(0);
        Project project = Project.createNew("OpenPose export")
                .withCanvas(first.canvasWidth(), first.canvasHeight())
                .withTiming(60, 40)
                .withTarget(PoseTrack.fromFrames(cam03.subList(0, 40), Interpolation.LINEAR))
                .withCamera(new CameraTrack(List.of(CameraKeyframe.identity(0, 540, 960),
                        new CameraKeyframe(39, 2.0, 540, 600, 0, 0, 0, false, Interpolation.LINEAR))));
        Path folder = out.resolve("camera");

        new OpenPoseSequenceExporter(CoordinateMode.PIXELS)
                .export(40, OpenPoseSequenceExporter.targetOf(project, true), folder, ExportMonitor.NONE);

        Pose seen = new OpenPoseReader().readFrame(folder.resolve(OpenPoseSequenceExporter.fileName(30)));
        assertSamePose(seen, project.targetPoseAt(30));
        assertThat(project.targetPoseAt(30).people().get(0).x(1))
                .isNotCloseTo(project.rawTargetPoseAt(30).people().get(0).x(1), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aShorterExportRemovesTheOlderFramesAndKeepsOtherFiles() throws Exception {
        Path folder = out.resolve("poses");
        OpenPoseSequenceExporter exporter = new OpenPoseSequenceExporter(CoordinateMode.NORMALISED);
        exporter.export(20, cam03::get, folder, ExportMonitor.NONE);
        Files.writeString(folder.resolve("notes.txt"), "mine");

        exporter.export(5, i -> cam03.get(50 + i), folder, ExportMonitor.NONE);

        assertThat(Mp4ExporterTest.filesIn(folder)).hasSize(6).contains("notes.txt", OpenPoseSequenceExporter.fileName(4));
        assertSamePose(new OpenPoseReader().readFrame(folder.resolve(OpenPoseSequenceExporter.fileName(2))), cam03.get(52));
    }

    @Test
    void cancelLeavesTheEarlierExportUntouched() throws Exception {
        Path folder = out.resolve("poses");
        OpenPoseSequenceExporter exporter = new OpenPoseSequenceExporter(CoordinateMode.PIXELS);
        exporter.export(10, cam03::get, folder, ExportMonitor.NONE);
        ExportMonitor cancelAtThree = new ExportMonitor() {
            int done;

            @Override
            public void progress(int d, int total) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done == 3;
            }
        };

        assertThatThrownBy(() -> exporter.export(10, i -> cam03.get(90 + i), folder, cancelAtThree))
                .isInstanceOf(ExportCancelledException.class);

        assertThat(Mp4ExporterTest.filesIn(folder)).hasSize(10);
        assertSamePose(new OpenPoseReader().readFrame(folder.resolve(OpenPoseSequenceExporter.fileName(1))), cam03.get(1));
        assertThat(Mp4ExporterTest.filesIn(out)).containsExactly("poses");
    }

    private static void assertSamePose(Pose actual, Pose expected) {
        assertThat(actual.canvasWidth()).isEqualTo(expected.canvasWidth());
        assertThat(actual.canvasHeight()).isEqualTo(expected.canvasHeight());
        assertThat(actual.people()).hasSameSizeAs(expected.people());
        for (int p = 0; p < expected.people().size(); p++) {
            PersonPose a = actual.people().get(p);
            PersonPose e = expected.people().get(p);
            for (int k = 0; k < PersonPose.KEYPOINT_COUNT; k++) {
                if (e.confidence(k) == 0) {
                    assertThat(a.confidence(k)).as("point %d missing", k).isZero();
                    continue;
                }
                assertThat(a.x(k)).as("x of point %d", k).isCloseTo(e.x(k), org.assertj.core.data.Offset.offset(1e-3));
                assertThat(a.y(k)).as("y of point %d", k).isCloseTo(e.y(k), org.assertj.core.data.Offset.offset(1e-3));
                assertThat(a.confidence(k)).isCloseTo(e.confidence(k), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OpenPoseSequenceExporterTest.class.getResource(name).toURI());
    }
}
