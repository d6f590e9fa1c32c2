package org.fvstudio.pose.openpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.pose.openpose.RawPoseFiles.json;
import static org.fvstudio.pose.openpose.RawPoseFiles.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** MoveNet / TensorFlow.js keypoints and MediaPipe pose landmarks, from the hand-written files in poses/. */
class MoveNetMediaPipeTest {

    /** MediaPipe pose's landmark indices of the body points (its documentation's numbering). */
    private static final Map<BodyJoint, Integer> MEDIAPIPE = Map.ofEntries(
            Map.entry(BodyJoint.NOSE, 0), Map.entry(BodyJoint.LEFT_EYE, 2), Map.entry(BodyJoint.RIGHT_EYE, 5),
            Map.entry(BodyJoint.LEFT_EAR, 7), Map.entry(BodyJoint.RIGHT_EAR, 8),
            Map.entry(BodyJoint.LEFT_SHOULDER, 11), Map.entry(BodyJoint.RIGHT_SHOULDER, 12),
            Map.entry(BodyJoint.LEFT_ELBOW, 13), Map.entry(BodyJoint.RIGHT_ELBOW, 14),
            Map.entry(BodyJoint.LEFT_WRIST, 15), Map.entry(BodyJoint.RIGHT_WRIST, 16),
            Map.entry(BodyJoint.LEFT_HIP, 23), Map.entry(BodyJoint.RIGHT_HIP, 24),
            Map.entry(BodyJoint.LEFT_KNEE, 25), Map.entry(BodyJoint.RIGHT_KNEE, 26),
            Map.entry(BodyJoint.LEFT_ANKLE, 27), Map.entry(BodyJoint.RIGHT_ANKLE, 28));
    private static final int LEFT_HEEL = 29;
    private static final int RIGHT_HEEL = 30;
    private static final int LEFT_FOOT_INDEX = 31;
    private static final int RIGHT_FOOT_INDEX = 32;

    @TempDir
    Path temp;

    private final OpenPoseReader reader = new OpenPoseReader();

    @Test
    void moveNetPosesArePlacedByTheirCocoNamesWithTheNeckBetweenTheShoulders() throws Exception {
        Path file = resource("poses/movenet/multipose.json");
        JsonNode raw = json(file);
        OpenPoseImport read = reader.read(file);
        assertThat(read.formats()).containsExactly(PoseJsonFormat.MOVENET);
        assertThat(read.bodyLayouts()).containsExactly(BodyLayout.COCO_17);
        assertThat(read.normalised()).isFalse();
        assertThat(read.pixelsWithoutCanvas()).isTrue();
        Pose pose = read.frames().get(0);
        assertThat(pose.people()).hasSize(2);
        for (int p = 0; p < 2; p++) {
            PersonPose person = pose.people().get(p);
            for (JsonNode k : raw.get(p).get("keypoints")) {
                int index = BodyJoint.valueOf(k.get("name").asText().toUpperCase(Locale.ROOT)).index();
                assertThat(person.x(index)).as("%s of person %d", k.get("name"), p).isEqualTo(k.get("x").doubleValue());
                assertThat(person.y(index)).isEqualTo(k.get("y").doubleValue());
                assertThat(person.confidence(index)).isEqualTo(k.get("score").doubleValue());
            }
            int l = BodyJoint.LEFT_SHOULDER.index();
            int r = BodyJoint.RIGHT_SHOULDER.index();
            assertThat(person.x(BodyJoint.NECK.index())).isCloseTo((person.x(l) + person.x(r)) / 2, within(1e-9));
            assertThat(person.y(BodyJoint.NECK.index())).isCloseTo((person.y(l) + person.y(r)) / 2, within(1e-9));
            assertThat(person.hasAnyPresent(BodyPart.FEET)).isFalse();
        }
        // the second pose lists its keypoints out of order; by name it still has its shoulder on the left of the picture
        assertThat(raw.get(1).get("keypoints").get(0).get("name").asText()).isEqualTo("left_shoulder");
        // no canvas in the file: the canvas is the points' extent
        assertThat(pose.canvasWidth()).isEqualTo((int) Math.floor(maxX(raw)) + 1);
    }

    @Test
    void aSinglePoseWithoutNamesIsInCocoOrder() throws Exception {
        Path file = resource("poses/movenet/singlepose.json");
        JsonNode keypoints = json(file).get("keypoints");
        PersonPose person = reader.readFrame(file).people().get(0);
        int[] openPoseOfCoco = {0, 15, 14, 17, 16, 5, 2, 6, 3, 7, 4, 11, 8, 12, 9, 13, 10};
        for (int i = 0; i < 17; i++) {
            assertThat(person.x(openPoseOfCoco[i])).as("COCO point %d", i).isEqualTo(keypoints.get(i).get("x").doubleValue());
            assertThat(person.y(openPoseOfCoco[i])).isEqualTo(keypoints.get(i).get("y").doubleValue());
        }
    }

    @Test
    void mediaPipeLandmarksAreFractionsOfThePictureEvenPastItsEdge() throws Exception {
        Path file = resource("poses/mediapipe/pose_landmarker_result.json");
        JsonNode landmarks = json(file).get("landmarks").get(0);
        assertThat(landmarks.get(MEDIAPIPE.get(BodyJoint.LEFT_WRIST)).get("x").doubleValue()).isGreaterThan(1);

        OpenPoseImport read = reader.withDefaultCanvas(640, 480).read(file);
        assertThat(read.formats()).containsExactly(PoseJsonFormat.MEDIAPIPE);
        assertThat(read.normalised()).isTrue();
        assertThat(read.pixelsWithoutCanvas()).isFalse();
        PersonPose person = read.frames().get(0).people().get(0);
        for (Map.Entry<BodyJoint, Integer> entry : MEDIAPIPE.entrySet()) {
            JsonNode lm = landmarks.get(entry.getValue());
            int index = entry.getKey().index();
            if (lm.get("visibility").doubleValue() == 0) {
                assertThat(person.confidence(index)).as("%s hidden", entry.getKey()).isZero();
                continue;
            }
            assertThat(person.x(index)).as(entry.getKey().label()).isCloseTo(lm.get("x").doubleValue() * 640, within(1e-9));
            assertThat(person.y(index)).isCloseTo(lm.get("y").doubleValue() * 480, within(1e-9));
            assertThat(person.confidence(index)).isEqualTo(lm.get("visibility").doubleValue());
        }
        assertThat(person.confidence(BodyJoint.RIGHT_EAR.index())).isZero();
        // DWPose feet: left big toe, left small toe, left heel, right big toe, right small toe, right heel
        int feet = BodyPart.FEET.offset();
        int[] fromLandmark = {LEFT_FOOT_INDEX, -1, LEFT_HEEL, RIGHT_FOOT_INDEX, -1, RIGHT_HEEL};
        for (int i = 0; i < 6; i++) {
            if (fromLandmark[i] < 0) {
                assertThat(person.confidence(feet + i)).as("small toe %d", i).isZero();
            } else {
                assertThat(person.x(feet + i)).isCloseTo(landmarks.get(fromLandmark[i]).get("x").doubleValue() * 640, within(1e-9));
                assertThat(person.y(feet + i)).isCloseTo(landmarks.get(fromLandmark[i]).get("y").doubleValue() * 480, within(1e-9));
            }
        }
        // the body stands: heels below the ankles below the knees
        assertThat(person.y(feet + 2)).isGreaterThan(person.y(BodyJoint.LEFT_ANKLE.index()));
        assertThat(person.y(BodyJoint.LEFT_ANKLE.index())).isGreaterThan(person.y(BodyJoint.LEFT_KNEE.index()));
    }

    @Test
    void theLegacyPoseLandmarksAndABareArrayReadTheSame() throws Exception {
        Pose tasks = reader.readFrame(resource("poses/mediapipe/pose_landmarker_result.json"));
        Pose legacy = reader.readFrame(resource("poses/mediapipe/pose_landmarks_legacy.json"));
        // without a canvas anywhere, fractions fall back to the square canvas
        assertThat(legacy.canvasWidth()).isEqualTo(OpenPoseReader.FALLBACK_CANVAS);
        assertThat(legacy.people()).isEqualTo(tasks.people());
        Path bare = Files.writeString(temp.resolve("bare.json"),
                json(resource("poses/mediapipe/pose_landmarks_legacy.json")).get("poseLandmarks").toString());
        assertThat(reader.readFrame(bare).people()).isEqualTo(tasks.people());
        Path python = Files.writeString(temp.resolve("python.json"), "{\"pose_landmarks\": {\"landmark\": "
                + json(resource("poses/mediapipe/pose_landmarks_legacy.json")).get("poseLandmarks") + "}}");
        assertThat(reader.readFrame(python).people()).isEqualTo(tasks.people());
    }

    @Test
    void aFolderOfMoveNetFramesIsASequence() throws Exception {
        OpenPoseImport walk = reader.read(resource("poses/movenet/walk"));
        assertThat(walk.frames()).hasSize(3);
        assertThat(walk.pixelsWithoutCanvas()).isTrue();
        double x0 = walk.frames().get(0).people().get(0).x(BodyJoint.NECK.index());
        double x2 = walk.frames().get(2).people().get(0).x(BodyJoint.NECK.index());
        assertThat(x2).isGreaterThan(x0);
        // one file holding an array of such frames reads the same
        StringBuilder frames = new StringBuilder("[");
        for (Path f : walk.files()) {
            frames.append(frames.length() > 1 ? "," : "").append(Files.readString(f));
        }
        Path sequence = Files.writeString(temp.resolve("walk.json"), frames.append("]").toString());
        assertThat(reader.readSequence(sequence)).isEqualTo(walk.frames());
        assertThatThrownBy(() -> reader.readFrame(sequence)).hasMessage("walk.json: holds a sequence of 3 frames, not a single frame");
        // so do the files read one by one as a list
        assertThat(reader.read(walk.files()).frames()).isEqualTo(walk.frames());
    }

    @Test
    void badKeypointsAndLandmarksAreNamed() throws Exception {
        assertThatThrownBy(() -> reader.readFrame(write("few.json", "[{\"keypoints\": [{\"x\": 1, \"y\": 2}]}]")))
                .hasMessage("few.json: [0].keypoints: 1 keypoints, expected 17 (MoveNet, COCO-17) or 33 (BlazePose)");
        String moveNet = Files.readString(resource("poses/movenet/singlepose.json"));
        assertThatThrownBy(() -> reader.readFrame(write("score.json", moveNet.replaceFirst("\"score\": 0.7", "\"score\": 7"))))
                .hasMessage("score.json: keypoints[0].score: 7 is outside 0..1");
        assertThatThrownBy(() -> reader.readFrame(write("nox.json", moveNet.replaceFirst("\"x\": [0-9.]+", "\"x\": \"left\""))))
                .hasMessage("nox.json: keypoints[0].x: expected a number, got \"left\"");
        String named = Files.readString(resource("poses/movenet/multipose.json"));
        assertThatThrownBy(() -> reader.readFrame(write("name.json", named.replaceFirst("\"nose\"", "\"snout\""))))
                .hasMessageStartingWith("name.json: [0].keypoints[0].name: 'snout' is not one of the 17 keypoint names");
        String landmarks = Files.readString(resource("poses/mediapipe/pose_landmarks_legacy.json"));
        String shorter = json(resource("poses/mediapipe/pose_landmarks_legacy.json")).get("poseLandmarks").toString()
                .replaceFirst("\\{[^}]*\\},", "");
        assertThatThrownBy(() -> reader.readFrame(write("short.json", "{\"poseLandmarks\": " + shorter + "}")))
                .hasMessage("short.json: poseLandmarks: 32 landmarks, expected 33 (MediaPipe pose)");
        assertThatThrownBy(() -> reader.readFrame(write("vis.json", landmarks.replaceFirst("\"visibility\": 0.99", "\"visibility\": -1"))))
                .hasMessage("vis.json: poseLandmarks[0].visibility: -1 is outside 0..1");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    private static double maxX(JsonNode poses) {
        double max = 0;
        for (JsonNode pose : poses) {
            for (JsonNode k : pose.get("keypoints")) {
                max = Math.max(max, k.get("x").doubleValue());
            }
        }
        return max;
    }
}
