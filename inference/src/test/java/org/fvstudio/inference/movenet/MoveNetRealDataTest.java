package org.fvstudio.inference.movenet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fvstudio.bench.RealData;
import org.fvstudio.inference.estimation.accuracy.PoseAccuracyBenchmark;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
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

    /**
     * With the landmark graphs: the astronaut's 68 face points lie on her face as the photograph shows it (eyes at
     * y 100-110, nose tip near (222, 128), the smiling mouth at y 135-150, the chin near y 180), and the walker of
     * Pose2Sim cam03 gets a right hand whose wrist point sits on the body's wrist while the hand is raised and
     * visible (frames 40-70). Her own hands are a glove half out of the picture: not found, so absent.
     */
    @Test
    void withTheLandmarkGraphsFaceAndHandsLandWhereTheyAre() throws Exception {
        Path models = MoveNetModels.thunder().getParent().getParent();
        try (MoveNetExtractor whole = MoveNetExtractor.open(MoveNetModels.thunder(),
                Optional.of(models.resolve("hand/handlandmark-lite.onnx")), Optional.of(models.resolve("face/facemesh.onnx")),
                SessionSettings.defaults().withDevice(DevicePreference.CPU))) {
            assertThat(whole.name()).isEqualTo("embedded estimator (MoveNet Thunder, hands, face)");
            PersonPose p = whole.detect(ImageFiles.read(MoveNetParityTest.resource("astronaut.png")), false).people().get(0);
            assertThat(p.hasAnyPresent(BodyPart.FACE)).isTrue();
            for (int i = 0; i < 68; i++) {
                assertInside(face(p, i), 165, 285, 80, 200);
            }
            assertInside(face(p, 30), 205, 240, 110, 145);
            assertInside(face(p, 36), 185, 220, 92, 115);
            assertInside(face(p, 39), 185, 225, 92, 115);
            assertInside(face(p, 42), 228, 265, 92, 115);
            assertInside(face(p, 45), 230, 265, 92, 115);
            assertInside(face(p, 48), 190, 215, 130, 155);
            assertInside(face(p, 54), 235, 260, 130, 155);
            assertInside(face(p, 8), 205, 250, 160, 195);
            assertThat(p.hasAnyPresent(BodyPart.RIGHT_HAND)).isFalse();

            int handsFound = 0;
            try (VideoFrameReader reader = VideoFrameReader.open(RealData.find("video/pose2sim_cam03.mp4").orElseThrow(), 10)) {
                for (VideoFrame frame = reader.nextFrame(); frame != null; frame = reader.nextFrame()) {
                    if (frame.index() < 40 || frame.index() > 70) {
                        continue;
                    }
                    PersonPose walker = whole.detect(frame.image(), false).people().get(0);
                    int handWrist = BodyPart.RIGHT_HAND.offset();
                    if (walker.confidence(handWrist) > 0) {
                        handsFound++;
                        double gap = Math.hypot(walker.x(handWrist) - walker.x(4), walker.y(handWrist) - walker.y(4));
                        assertThat(gap).as("frame %d: hand wrist to body wrist, px", frame.index()).isLessThan(15);
                    }
                }
            }
            assertThat(handsFound).as("frames 40-70 with the raised right hand found").isGreaterThanOrEqualTo(3);
        }
    }

    private static double[] face(PersonPose p, int ibug) {
        int g = BodyPart.FACE.offset() + ibug;
        assertThat(p.confidence(g)).as("face point %d", ibug).isGreaterThan(0.5);
        return new double[] {p.x(g), p.y(g)};
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
