package org.fvstudio.inference.movenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.bench.RealData;
import org.fvstudio.inference.estimation.accuracy.PoseAccuracyBenchmark;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded estimator on real pictures: a photograph of a person, and a real video against real OpenPose. */
class MoveNetRealDataTest {

    private static MoveNetExtractor extractor;

    @BeforeAll
    static void open() throws Exception {
        extractor = MoveNetExtractor.open(MoveNetModels.thunder(), SessionSettings.defaults().withDevice(DevicePreference.CPU));
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    /**
     * Boxes read off the photograph itself (512 x 512, facing the camera, waist up): the eyes sit at about
     * y 100-110 with the pupils near x 203 and 246, the nose tip near (222, 128); the suit's shoulder seams near
     * (105, 270) and (320, 280); the right arm bends at the lower left near (65, 425); the left forearm is hidden
     * behind the helmet (x > 280, y > 340), so the left elbow may be absent but is never elsewhere.
     */
    @Test
    void theAstronautPhotoGetsHerFaceShouldersAndElbowWhereTheyAre() throws Exception {
        Pose pose = extractor.detect(ImageFiles.read(MoveNetParityTest.resource("astronaut.png")), false);
        assertThat(pose.canvasWidth()).isEqualTo(512);
        assertThat(pose.people()).hasSize(1);
        PersonPose p = pose.people().get(0);
        assertInside(at(p, BodyJoint.NOSE), 205, 240, 110, 145);
        assertInside(at(p, BodyJoint.RIGHT_EYE), 190, 215, 92, 115);
        assertInside(at(p, BodyJoint.LEFT_EYE), 232, 260, 92, 115);
        assertInside(at(p, BodyJoint.RIGHT_SHOULDER), 70, 140, 240, 300);
        assertInside(at(p, BodyJoint.LEFT_SHOULDER), 290, 350, 245, 305);
        assertInside(at(p, BodyJoint.RIGHT_ELBOW), 30, 110, 380, 470);
        if (p.confidence(BodyJoint.LEFT_ELBOW.index()) > 0) {
            assertInside(at(p, BodyJoint.LEFT_ELBOW), 280, 512, 340, 512);
        }
        // The neck is the middle of the shoulders, not a guess of its own.
        assertThat(p.x(BodyJoint.NECK.index())).isEqualTo((p.x(2) + p.x(5)) / 2);
    }

    @Test
    void aRealVideoMatchesRealOpenPoseWithinTheIssuesBars() throws Exception {
        Path video = RealData.find("video/pose2sim_cam03.mp4").orElseThrow();
        Path poses = RealData.find("poses/pose2sim/cam03/cam03.0000.json").orElseThrow().getParent();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<PoseAccuracyBenchmark.CameraResult> results = PoseAccuracyBenchmark.run(extractor,
                List.of(new PoseAccuracyBenchmark.Camera("cam03", video, poses)), 10,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        PoseAccuracyBenchmark.CameraResult cam03 = results.get(0);
        assertThat(cam03.frames()).isEqualTo(10);
        assertThat(cam03.pck().countedJoints()).isGreaterThan(100);
        assertThat(cam03.pck().pck(1)).as("PCK@0.2").isGreaterThanOrEqualTo(0.90);
        assertThat(cam03.pck().pck(0)).as("PCK@0.1").isGreaterThanOrEqualTo(0.75);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("embedded estimator (MoveNet Thunder)", "cam03");
    }

    @Test
    void aPictureWithNobodyGivesNoPersonRatherThanAGuess() throws Exception {
        org.fvstudio.pose.render.RgbImage grey = new org.fvstudio.pose.render.RgbImage(320, 240);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                grey.setRgb(x, y, 0x7f7f7f);
            }
        }
        Pose pose = extractor.detect(grey, false);
        assertThat(pose.people()).isEmpty();
    }

    private static void assertInside(double[] xy, double minX, double maxX, double minY, double maxY) {
        assertThat(xy[0]).isBetween(minX, maxX);
        assertThat(xy[1]).isBetween(minY, maxY);
    }

    private static double[] at(PersonPose p, BodyJoint joint) {
        assertThat(p.confidence(joint.index())).as("%s found", joint).isGreaterThan(0.3);
        return new double[] {p.x(joint.index()), p.y(joint.index())};
    }
}
