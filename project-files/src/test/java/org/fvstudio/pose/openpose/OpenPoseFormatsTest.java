package org.fvstudio.pose.openpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.pose.openpose.RawPoseFiles.assertPoint;
import static org.fvstudio.pose.openpose.RawPoseFiles.assertSamePoses;
import static org.fvstudio.pose.openpose.RawPoseFiles.json;
import static org.fvstudio.pose.openpose.RawPoseFiles.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.OpenPoseSequenceExporter;
import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Layouts, sequence forms, the writer's output and every refusal, built from the real files. */
class OpenPoseFormatsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int[] COCO_17_WITHOUT_NECK = {0, -1, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3};

    @TempDir
    Path temp;

    private final OpenPoseReader reader = new OpenPoseReader();

    private Path write(String name, String json) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    /** A COCO-17 file made from real BODY_25B points 0-16, which are in COCO order. */
    @Test
    void coco17GetsTheNeckFromTheShoulders() throws Exception {
        ObjectNode frame = (ObjectNode) json(resource("poses/pose2sim/cam03/cam03.0042.json"));
        ArrayNode body25b = (ArrayNode) frame.at("/people/0/pose_keypoints_2d");
        ArrayNode coco = MAPPER.createArrayNode();
        for (int i = 0; i < 17 * 3; i++) {
            coco.add(body25b.get(i));
        }
        ((ObjectNode) frame.at("/people/0")).set("pose_keypoints_2d", coco);
        Path file = temp.resolve("coco.json");
        MAPPER.writeValue(file.toFile(), frame);

        PersonPose person = reader.readFrame(file).people().get(0);

        for (int j = 0; j < 18; j++) {
            if (j != BodyJoint.NECK.index()) {
                assertPoint(person, j, coco, COCO_17_WITHOUT_NECK[j], 1, 1);
            }
        }
        double lx = coco.get(15).doubleValue();
        double ly = coco.get(16).doubleValue();
        double rx = coco.get(18).doubleValue();
        double ry = coco.get(19).doubleValue();
        assertThat(coco.get(17).doubleValue()).isPositive();
        assertThat(coco.get(20).doubleValue()).isPositive();
        assertThat(person.x(BodyJoint.NECK.index())).isCloseTo((lx + rx) / 2, within(1e-9));
        assertThat(person.y(BodyJoint.NECK.index())).isCloseTo((ly + ry) / 2, within(1e-9));
        assertThat(person.confidence(BodyJoint.NECK.index()))
                .isEqualTo(Math.min(coco.get(17).doubleValue(), coco.get(20).doubleValue()));

        coco.set(17, MAPPER.getNodeFactory().numberNode(0.0));
        MAPPER.writeValue(file.toFile(), frame);
        assertThat(reader.readFrame(file).people().get(0).confidence(BodyJoint.NECK.index())).isZero();
        assertThat(reader.read(file).bodyLayouts()).containsExactly(BodyLayout.COCO_17);
    }

    @Test
    void detectionCanBeOverridden() throws Exception {
        Path file = resource("poses/signer/video_000000000000_keypoints.json");
        JsonNode raw = json(file).at("/people/0/pose_keypoints_2d");

        PersonPose asB = reader.withBodyLayout(BodyLayout.BODY_25B).readFrame(file).people().get(0);

        for (int j = 0; j < 18; j++) {
            assertPoint(asB, j, raw, RawPoseFiles.BODY_25B[j], 1, 1);
        }
        assertThatThrownBy(() -> reader.withBodyLayout(BodyLayout.OPENPOSE_18).readFrame(file))
                .isInstanceOf(PoseFormatException.class)
                .hasMessage("video_000000000000_keypoints.json: people[0].pose_keypoints_2d: 25 points, expected 18 (OPENPOSE_18 was asked for)");
    }

    @Test
    void everyRealPersonVotesForItsOwnLayout() throws Exception {
        int votes = 0;
        int abstentions = 0;
        for (String cam : List.of("cam01", "cam02", "cam03", "cam04")) {
            List<double[]> bodies = new java.util.ArrayList<>();
            for (Path file : OpenPoseReader.sequenceFiles(resource("poses/pose2sim/" + cam)).files()) {
                for (JsonNode person : json(file).get("people")) {
                    double[] body = MAPPER.convertValue(person.get("pose_keypoints_2d"), double[].class);
                    bodies.add(body);
                    BodyLayout vote = BodyLayoutDetector.vote(body);
                    if (vote == null) {
                        abstentions++;
                    } else {
                        assertThat(vote).isEqualTo(BodyLayout.BODY_25B);
                        votes++;
                    }
                }
            }
            assertThat(BodyLayoutDetector.detect25(bodies)).as(cam).isEqualTo(BodyLayout.BODY_25B);
        }
        assertThat(votes).isGreaterThan(500);
        assertThat(abstentions).isLessThan(5);
        for (Path file : OpenPoseReader.sequenceFiles(resource("poses/signer")).files()) {
            double[] body = MAPPER.convertValue(json(file).at("/people/0/pose_keypoints_2d"), double[].class);
            assertThat(BodyLayoutDetector.vote(body)).isEqualTo(BodyLayout.BODY_25);
        }
        assertThat(BodyLayoutDetector.detect25(List.of())).isEqualTo(BodyLayout.BODY_25);
    }

    @Test
    void oneFileHoldingAnArrayOfFrames() throws Exception {
        OpenPoseImport folder = reader.read(resource("poses/signer"));
        ArrayNode frames = MAPPER.createArrayNode();
        for (Path file : folder.files()) {
            frames.add(json(file));
        }
        Path file = temp.resolve("signer-all.json");
        MAPPER.writeValue(file.toFile(), frames);

        List<Pose> fromArray = reader.readSequence(file);

        assertThat(fromArray).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertSamePoses(fromArray.get(i), folder.frames().get(i));
        }
        assertThatThrownBy(() -> reader.readFrame(file)).hasMessage("signer-all.json: holds a sequence of 9 frames, not a single frame");
        assertThat(reader.readSequence(resource("poses/openpose-editor/pose.json"))).hasSize(1);
    }

    @Test
    void folderFramesAreSortedByTheNumberInTheirName() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("shots"));
        List<Path> signer = reader.read(resource("poses/signer")).files();
        Files.copy(signer.get(0), folder.resolve("shot1.json"));
        Files.copy(signer.get(1), folder.resolve("shot2.json"));
        Files.copy(signer.get(2), folder.resolve("shot10.json"));
        Files.writeString(folder.resolve("notes.txt"), "not a frame");

        OpenPoseReader hd = reader.withDefaultCanvas(1280, 720);
        OpenPoseImport result = hd.read(folder);

        assertThat(result.files()).extracting(p -> p.getFileName().toString()).containsExactly("shot1.json", "shot2.json", "shot10.json");
        assertSamePoses(result.frames().get(2), hd.readFrame(signer.get(2)));
    }

    @Test
    void normalisedFileWithoutCanvasUsesTheDefaultOrTheFallback() throws Exception {
        ObjectNode frame = (ObjectNode) json(resource("poses/openpose-editor/pose.json"));
        frame.remove("canvas_width");
        frame.remove("canvas_height");
        Path file = temp.resolve("nocanvas.json");
        MAPPER.writeValue(file.toFile(), frame);
        double x0 = frame.at("/people/0/pose_keypoints_2d/0").doubleValue();

        Pose fallback = reader.readFrame(file);
        assertThat(fallback.canvasWidth()).isEqualTo(OpenPoseReader.FALLBACK_CANVAS);
        assertThat(fallback.people().get(0).x(0)).isCloseTo(x0 * 512, within(1e-9));

        Pose given = reader.withDefaultCanvas(1000, 600).readFrame(file);
        assertThat(given.canvasWidth()).isEqualTo(1000);
        assertThat(given.people().get(0).x(0)).isCloseTo(x0 * 1000, within(1e-9));
    }

    @Test
    void writerWritesStandardOpenPoseArrays() throws Exception {
        Pose signer = reader.withDefaultCanvas(1280, 720).readFrame(resource("poses/signer/video_000000000003_keypoints.json"));
        Path file = temp.resolve("out.json");

        new OpenPoseWriter().writeFrame(signer, file, CoordinateMode.NORMALISED);

        JsonNode out = json(file);
        assertThat(out.get("canvas_width").intValue()).isEqualTo(1280);
        assertThat(out.get("canvas_height").intValue()).isEqualTo(720);
        JsonNode person = out.at("/people/0");
        assertThat(person.get("pose_keypoints_2d")).hasSize(18 * 3);
        assertThat(person.get("face_keypoints_2d")).hasSize(70 * 3);
        assertThat(person.get("hand_left_keypoints_2d")).hasSize(21 * 3);
        assertThat(person.get("hand_right_keypoints_2d")).hasSize(21 * 3);
        for (int i = 68 * 3; i < 70 * 3; i++) {
            assertThat(person.get("face_keypoints_2d").get(i).doubleValue()).as("pupil values are missing").isZero();
        }
        PersonPose p = signer.people().get(0);
        assertThat(person.get("pose_keypoints_2d").get(3).doubleValue()).isCloseTo(p.x(1) / 1280, within(1e-12));
        assertThat(person.get("pose_keypoints_2d").get(4).doubleValue()).isCloseTo(p.y(1) / 720, within(1e-12));
        assertThat(p.hasAnyPresent(BodyPart.FEET)).isFalse();
        assertThat(person.has("foot_keypoints_2d")).isFalse();
    }

    @Test
    void feetTravelInAnExtraFieldUnlessSwitchedOff() throws Exception {
        Pose walker = reader.withDefaultCanvas(1080, 1920).readFrame(resource("poses/pose2sim/cam03/cam03.0050.json"));
        PersonPose p = walker.people().get(0);
        assertThat(p.hasAnyPresent(BodyPart.FEET)).isTrue();
        Path file = temp.resolve("feet.json");

        new OpenPoseWriter().writeFrame(walker, file, CoordinateMode.PIXELS);
        JsonNode feet = json(file).at("/people/0/foot_keypoints_2d");
        assertThat(feet).hasSize(6 * 3);
        assertThat(feet.get(0).doubleValue()).isEqualTo(p.x(BodyPart.FEET.offset()));
        assertThat(reader.readFrame(file).people().get(0).part(BodyPart.FEET)).isEqualTo(p.part(BodyPart.FEET));

        new OpenPoseWriter().withoutFeet().writeFrame(walker, file, CoordinateMode.PIXELS);
        assertThat(json(file).at("/people/0").has("foot_keypoints_2d")).isFalse();
        PersonPose reread = reader.readFrame(file).people().get(0);
        assertThat(reread.hasAnyPresent(BodyPart.FEET)).isFalse();
        assertThat(reread.part(BodyPart.BODY)).isEqualTo(p.part(BodyPart.BODY));
    }

    @Test
    void rewritingASequenceFolderLeavesNoStaleFrames() throws Exception {
        List<Pose> signer = reader.readSequence(resource("poses/signer"));
        Path out = temp.resolve("export");
        exportSequence(signer, out, CoordinateMode.PIXELS);
        exportSequence(signer.subList(0, 3), out, CoordinateMode.PIXELS);

        assertThat(reader.readSequence(out)).hasSize(3);
        assertThat(out.resolve("frame_000000000002_keypoints.json")).exists();
    }

    @Test
    void notPoseFilesAreRefusedWithTheirName() throws Exception {
        assertThatThrownBy(() -> reader.readFrame(write("broken.json", "{\"people\": [")))
                .isInstanceOf(PoseFormatException.class).hasMessageStartingWith("broken.json: not valid JSON at line 1, column 13: ");
        assertThatThrownBy(() -> reader.readFrame(write("settings.json", "{\"theme\": \"dark\"}")))
                .hasMessage("settings.json: not a pose file: expected an object with a \"people\" array"
                        + " (OpenPose), \"keypoints\" (MoveNet / TensorFlow.js) or 33 \"landmarks\" (MediaPipe)");
        assertThatThrownBy(() -> reader.readFrame(write("empty.json", "")))
                .hasMessage("empty.json: is empty, not a pose file");
        assertThatThrownBy(() -> reader.readFrame(write("people.json", "{\"people\": {}}")))
                .hasMessage("people.json: not a pose file: \"people\" is not an array");
        assertThatThrownBy(() -> reader.readFrame(write("twenty.json", "{\"people\": [{\"pose_keypoints_2d\": " + zeros(60) + "}]}")))
                .hasMessage("twenty.json: people[0].pose_keypoints_2d: 20 points, expected 17, 18 or 25");
        assertThatThrownBy(() -> reader.readFrame(write("odd.json", "{\"people\": [{\"pose_keypoints_2d\": " + zeros(53) + "}]}")))
                .hasMessage("odd.json: people[0].pose_keypoints_2d: 53 values is not a whole number of x, y, confidence triples");
        assertThatThrownBy(() -> reader.readFrame(write("face.json", "{\"people\": [{\"face_keypoints_2d\": " + zeros(3 * 69) + "}]}")))
                .hasMessage("face.json: people[0].face_keypoints_2d: 69 points, expected 68 or 70");
        assertThatThrownBy(() -> reader.readFrame(write("text.json", "{\"people\": [{\"hand_left_keypoints_2d\": "
                + zeros(62).replace("[", "[\"a\", ") + "}]}")))
                .hasMessage("text.json: people[0].hand_left_keypoints_2d[0]: expected a number, got \"a\"");
        assertThatThrownBy(() -> reader.readFrame(write("conf.json", "{\"people\": [{\"pose_keypoints_2d\": "
                + zeros(53).replace("]", ", 1.5]") + "}]}")))
                .hasMessage("conf.json: people[0].pose_keypoints_2d[53]: confidence 1.5 is outside 0..1");
        assertThatThrownBy(() -> reader.readFrame(write("canvas.json", "{\"canvas_width\": \"wide\", \"people\": []}")))
                .hasMessage("canvas.json: canvas_width: expected a size in pixels, got \"wide\"");
        assertThatThrownBy(() -> reader.readSequence(write("list.json", "[{\"people\": []}, {\"frames\": 3}]")))
                .hasMessage("list.json: [1]: not a pose file: expected an object with a \"people\" array"
                        + " (OpenPose), \"keypoints\" (MoveNet / TensorFlow.js) or 33 \"landmarks\" (MediaPipe)");
        assertThatThrownBy(() -> reader.readFrame(temp.resolve("gone.json"))).hasMessage("gone.json: file not found");
    }

    @Test
    void foldersWithoutPoseFilesAreRefused() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("nothing-here"));
        Files.writeString(empty.resolve("readme.txt"), "no poses");
        assertThatThrownBy(() -> reader.readSequence(empty)).hasMessage("nothing-here: no .json pose files in this folder");
        assertThatThrownBy(() -> reader.readFrame(empty)).hasMessage("nothing-here: is a folder; import it as a sequence");
        Path mixed = Files.createDirectories(temp.resolve("mixed"));
        Files.copy(resource("poses/signer/video_000000000000_keypoints.json"), mixed.resolve("f_0.json"));
        Files.writeString(mixed.resolve("f_1.json"), "{\"camera\": 1}");
        assertThatThrownBy(() -> reader.readSequence(mixed))
                .hasMessage("f_1.json: not a pose file: expected an object with a \"people\" array"
                        + " (OpenPose), \"keypoints\" (MoveNet / TensorFlow.js) or 33 \"landmarks\" (MediaPipe)");
    }

    private static String zeros(int count) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ", ").append('0');
        }
        return text.append(']').toString();
    }

    /** Writes the poses as the studio's OpenPose export does (staged, then renamed into place). */
    private static void exportSequence(List<Pose> poses, Path folder, CoordinateMode mode) throws Exception {
        new OpenPoseSequenceExporter(mode).export(poses.size(), poses::get, folder, ExportMonitor.NONE);
    }
}
