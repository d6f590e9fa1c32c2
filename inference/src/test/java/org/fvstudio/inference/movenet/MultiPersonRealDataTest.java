package org.fvstudio.inference.movenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fvstudio.bench.RealData;
import org.fvstudio.inference.dwpose.VideoExtractionOptions;
import org.fvstudio.inference.dwpose.VideoPoseExtractor;
import org.fvstudio.inference.dwpose.VideoPoses;
import org.fvstudio.inference.estimation.EmbeddedModels;
import org.fvstudio.inference.estimation.accuracy.LimbPck;
import org.fvstudio.inference.estimation.accuracy.SubjectMatch;
import org.fvstudio.inference.runtime.CancellationToken;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several people in real frames: Pose2Sim cam01 and cam02 hold the walking subject and a bystander at the edge
 * (cam01 at the left, x 10-120; cam02 at the right, x 760-860), and the real OpenPose output of the same frames
 * says where both are. The embedded estimator with every bundled graph must find both, each where OpenPose puts
 * them, keep them apart over a video, and give the walker feet where OpenPose has them.
 */
class MultiPersonRealDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MoveNetExtractor extractor;

    @BeforeAll
    static void open() throws Exception {
        EmbeddedModels models = EmbeddedModels.in(MoveNetModels.thunder().getParent().getParent()).orElseThrow();
        extractor = MoveNetExtractor.open(models.body(), models.parts(), SessionSettings.defaults().withDevice(DevicePreference.CPU));
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    /** The graph reproduces TF.js on the very input TF.js was fed: live rows, scores and boxes within 1e-4. */
    @ParameterizedTest
    @CsvSource({"astronaut", "pose2sim_cam01_f025", "pose2sim_cam01_f075", "pose2sim_cam03_f050"})
    void multiPoseGivesTheTfjsDetections(String image) throws Exception {
        JsonNode golden = JSON.readTree(MoveNetParityTest.resource(image + ".multipose.tfjs.json").toFile());
        byte[] rgb = Files.readAllBytes(MoveNetParityTest.resource(image + ".input.rgb"));
        try (MultiPoseModel net = MultiPoseModel.open(MoveNetModels.multiPose(), SessionSettings.defaults().withDevice(DevicePreference.CPU))) {
            int[] input = new int[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                input[i] = rgb[i] & 0xff;
            }
            float[] out = net.run(input);
            JsonNode rows = golden.get("tfjs").get("detections");
            assertThat(out).hasSize(rows.size() * MultiPoseModel.ROW);
            for (int r = 0; r < rows.size(); r++) {
                boolean live = rows.get(r).get(MultiPoseModel.ROW - 1).asDouble() >= 0.01;
                for (int c = live ? 0 : MoveNetModel.POINTS * 3; c < MultiPoseModel.ROW; c++) {
                    assertThat((double) out[r * MultiPoseModel.ROW + c]).as("%s row %d value %d", image, r, c)
                            .isCloseTo(rows.get(r).get(c).asDouble(), within(1e-4));
                }
            }
            // The rows come unsorted; the candidates above a score come best first, in picture order of the golden people.
            List<MultiPoseModel.Candidate> found = MultiPoseModel.candidates(out, 0.01);
            assertThat(found).hasSize(golden.get("tfjs").get("people_px").size());
            for (int i = 1; i < found.size(); i++) {
                assertThat(found.get(i).score()).isLessThanOrEqualTo(found.get(i - 1).score());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"cam01, 25", "cam01, 75", "cam02, 50"})
    void theSubjectAndTheBystanderAreFoundWhereOpenPoseHasThem(String camera, int frameIndex) throws Exception {
        RgbImage frame = frame(camera, frameIndex);
        List<PersonPose> truth = truth(camera, frameIndex, frame.width(), frame.height());
        assertThat(truth).as("the ground truth holds the subject and a bystander").hasSize(2);
        PersonPose subject = SubjectMatch.subject(truth).orElseThrow();
        PersonPose bystander = truth.get(truth.get(0) == subject ? 1 : 0);

        Pose found = extractor.detect(frame, false);

        assertThat(found.people()).hasSize(2);
        PersonPose subjectFound = SubjectMatch.match(subject, found.people()).orElseThrow();
        PersonPose bystanderFound = SubjectMatch.match(bystander, found.people()).orElseThrow();
        assertThat(bystanderFound).isNotSameAs(subjectFound);
        assertThat(box(bystanderFound).iou(box(bystander))).as("bystander box IoU with OpenPose's").isGreaterThan(0.5);
        assertThat(box(subjectFound).iou(box(subject))).as("subject box IoU with OpenPose's").isGreaterThan(0.6);
        // Largest first, as DWPose gives them.
        assertThat(found.people().get(0)).isSameAs(subjectFound);
        // The bar for the subject; the bystander, 70 px wide and partly hidden, is held to its box above.
        LimbPck pck = new LimbPck(0.2);
        pck.add(subject, subjectFound);
        assertThat(pck.pck(0)).as("limb PCK@0.2 of the subject").isGreaterThanOrEqualTo(0.9);

        // Only the largest: the whole picture alone, which finds the subject.
        Pose largest = extractor.detect(frame, true);
        assertThat(largest.people()).hasSize(1);
        assertThat(box(largest.people().get(0)).iou(box(subject))).as("the largest is the subject").isGreaterThan(0.6);
    }

    /**
     * Over cam02 (every 10th frame), the subject stays person 1 and the bystander person 2 of every frame: each
     * place is matched against the ground truth's subject and bystander of the same frame.
     */
    @Test
    void overAVideoEachPersonKeepsTheirPlace() throws Exception {
        Path video = RealData.find("video/pose2sim_cam02.mp4").orElseThrow();
        VideoPoses poses = new VideoPoseExtractor(extractor).extract(video,
                VideoExtractionOptions.defaults().withFrameStride(10), (done, total, fraction) -> { }, new CancellationToken());

        assertThat(poses.size()).isEqualTo(10);
        int bystanderSeen = 0;
        for (int i = 0; i < poses.size(); i++) {
            int index = poses.sourceFrames().get(i);
            Pose pose = poses.poses().get(i);
            List<PersonPose> truth = truth("cam02", index, pose.canvasWidth(), pose.canvasHeight());
            PersonPose subject = SubjectMatch.subject(truth).orElseThrow();
            assertThat(box(pose.people().get(0)).iou(box(subject))).as("frame %d: person 1 is the subject", index)
                    .isGreaterThan(0.5);
            if (pose.people().size() > 1 && pose.people().get(1).presentCount() > 0) {
                bystanderSeen++;
                PersonPose bystander = truth.stream().filter(p -> p != subject).findFirst().orElseThrow();
                // Where the walker hides the bystander OpenPose sees only their top: person 2 must hold that part.
                assertThat(box(pose.people().get(1)).overlapOfSmaller(box(bystander))).as("frame %d: person 2 is the bystander", index)
                        .isGreaterThan(0.5);
            }
        }
        assertThat(bystanderSeen).as("frames with the bystander found").isGreaterThanOrEqualTo(7);
        assertThat(poses.toPoseTrack(org.fvstudio.timeline.Interpolation.LINEAR).people()).hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * The walker of cam03 gets heels and big toes (BlazePose's heels and foot tips) where OpenPose BODY_25B puts
     * its heels and big toes, and never small toes, which BlazePose does not have.
     */
    @Test
    void theWalkersFeetLandOnOpenPosesFeet() throws Exception {
        LimbPck feet = LimbPck.feet(0.2);
        Path video = RealData.find("video/pose2sim_cam03.mp4").orElseThrow();
        int withFeet = 0;
        try (VideoFrameReader reader = VideoFrameReader.open(video, 10)) {
            for (VideoFrame frame = reader.nextFrame(); frame != null; frame = reader.nextFrame()) {
                List<PersonPose> truth = truth("cam03", frame.index(), frame.image().width(), frame.image().height());
                Optional<PersonPose> subject = SubjectMatch.subject(truth);
                if (subject.isEmpty()) {
                    continue;
                }
                PersonPose walker = SubjectMatch.match(subject.get(), extractor.detect(frame.image(), true).people()).orElseThrow();
                if (walker.hasAnyPresent(BodyPart.FEET)) {
                    withFeet++;
                }
                assertThat(walker.confidence(BodyPart.FEET.globalIndex(1))).as("left small toe").isZero();
                assertThat(walker.confidence(BodyPart.FEET.globalIndex(4))).as("right small toe").isZero();
                feet.add(subject.get(), walker);
            }
        }
        assertThat(withFeet).as("frames with feet").isGreaterThanOrEqualTo(6);
        assertThat(feet.givenJoints()).as("big toes and heels given").isGreaterThan(20);
        // 0.2 of the torso is about 50 px here; BlazePose's foot tip lies beyond OpenPose's big toe by up to 60 px.
        assertThat(feet.pckOfGiven(0)).as("PCK@0.2 of the big toes and heels given").isGreaterThanOrEqualTo(0.7);
    }

    private static BoundingBox box(PersonPose person) {
        return BodyBox.of(person).orElseThrow();
    }

    private static RgbImage frame(String camera, int index) throws Exception {
        // Frames 0, index, 2 index, ... : the second one delivered is the one wanted.
        try (VideoFrameReader reader = VideoFrameReader.open(RealData.find("video/pose2sim_" + camera + ".mp4").orElseThrow(), index)) {
            for (VideoFrame frame = reader.nextFrame(); frame != null; frame = reader.nextFrame()) {
                if (frame.index() == index) {
                    return frame.image();
                }
            }
        }
        throw new AssertionError(camera + " has no frame " + index);
    }

    private static List<PersonPose> truth(String camera, int index, int width, int height) throws Exception {
        Path file = RealData.find(String.format(Locale.ROOT, "poses/pose2sim/%s/%s.%04d.json", camera, camera, index)).orElseThrow();
        return new ArrayList<>(new OpenPoseReader().withDefaultCanvas(width, height).readFrame(file).people());
    }
}
