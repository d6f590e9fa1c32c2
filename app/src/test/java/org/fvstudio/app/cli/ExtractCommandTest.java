package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.fvstudio.inference.dwpose.DwposeTestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class ExtractCommandTest {

    private static final Path MODELS = Path.of("src/test/resources/cli");
    private static final Path IMAGE = MODELS.resolve("cam03_frame0.png");
    private static final Path VIDEO = MODELS.resolve("cam03_small.avi");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ExtractCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void pictureBecomesOneOpenPoseFileWithBothPeopleWhereTheModelsPutThem(@TempDir Path dir) throws Exception {
        int code = run(IMAGE.toString(), "--out", dir.toString(), "--models", MODELS.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("DWPose on detector CPU, estimator CPU").contains("2 people in cam03_frame0.png");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("cam03_frame0_keypoints.json").toFile());
        assertThat(json.get("canvas_width").asInt()).isEqualTo(136);
        assertThat(json.get("canvas_height").asInt()).isEqualTo(240);
        assertThat(json.get("people")).hasSize(2);
        JsonNode first = json.get("people").get(0);
        assertThat(first.get("pose_keypoints_2d")).hasSize(54);
        assertThat(first.get("foot_keypoints_2d")).hasSize(18);
        // OpenPose faces have 70 points: the 68 DWPose points plus two pupils written as missing.
        assertThat(first.get("face_keypoints_2d")).hasSize(210);
        assertThat(first.get("hand_left_keypoints_2d")).hasSize(63);
        assertThat(first.get("hand_right_keypoints_2d")).hasSize(63);
        // The stand-in detector's largest person in the 136 x 240 frame; its nose (COCO 0) has confidence clamped to 1.
        double[] nose = DwposeTestModels.expectedImagePoint(0, DwposeTestModels.PERSON_A, 136, 240);
        JsonNode body = first.get("pose_keypoints_2d");
        assertThat(body.get(0).asDouble()).isCloseTo(nose[0], within(0.01));
        assertThat(body.get(1).asDouble()).isCloseTo(nose[1], within(0.01));
        assertThat(body.get(2).asDouble()).isEqualTo(1.0);
        // COCO 9 (left wrist, OpenPose index 7) is below 0.3 in the stand-in: written as 0, 0, 0.
        assertThat(List.of(body.get(21).asDouble(), body.get(22).asDouble(), body.get(23).asDouble())).containsOnly(0.0);
    }

    @Test
    void videoWithStrideWritesOneFilePerUsedFrameNamedByFrameNumber(@TempDir Path dir) throws Exception {
        int code = run(VIDEO.toString(), "-o", dir.toString(), "--models", MODELS.toString(), "--stride", "5",
                "--largest", "--smooth", "--threads", "1");
        assertThat(code).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "cam03_small_000000000000_keypoints.json", "cam03_small_000000000005_keypoints.json",
                    "cam03_small_000000000010_keypoints.json");
        }
        assertThat(out.toString()).contains("3 frames at 60.000 fps (stride 5)").contains("wrote 3 pose files");
        assertThat(err.toString()).contains("3/3 frames");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("cam03_small_000000000010_keypoints.json").toFile());
        assertThat(json.get("people")).hasSize(1);
        assertThat(json.get("canvas_width").asInt()).isEqualTo(68);
    }

    @Test
    void missingModelsTellWhichFilesToPutWhere(@TempDir Path dir) {
        Path empty = dir.resolve("no-models");
        int code = run(IMAGE.toString(), "--out", dir.resolve("poses").toString(), "--models", empty.toString(),
                "--estimator", "dwpose");
        assertThat(code).isEqualTo(ExtractCommand.FAILED);
        assertThat(err.toString()).contains("DWPose models missing: put yolox_l.onnx (YOLOX-L person detector) and "
                + "dw-ll_ucoco_384.onnx (DWPose-L whole-body estimator, 384x288) into " + empty.toAbsolutePath());
        assertThat(dir.resolve("poses")).doesNotExist();
    }

    @Test
    void withoutDwposeFilesTheEmbeddedEstimatorExtractsTheBodyAndSaysSo(@TempDir Path dir) throws Exception {
        Path photo = Path.of("../project-files/src/test/resources/images/astronaut.png");
        int code = run(photo.toString(), "--out", dir.toString(), "--models", dir.resolve("no-models").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("embedded estimator (MoveNet Thunder + MultiPose, hands, face, feet) on estimator CPU")
                .contains("1 person in astronaut.png");
        JsonNode person = new ObjectMapper().readTree(dir.resolve("astronaut_keypoints.json").toFile()).get("people").get(0);
        JsonNode body = person.get("pose_keypoints_2d");
        // Nose of the 512 x 512 photo near (222, 128); the body only: hands are written as missing.
        assertThat(body.get(0).asDouble()).isBetween(205.0, 240.0);
        assertThat(body.get(1).asDouble()).isBetween(110.0, 145.0);
        for (JsonNode value : person.get("hand_left_keypoints_2d")) {
            assertThat(value.asDouble()).isZero();
        }
    }

    /** Bad input to the embedded estimator (no DWPose files): named with its problem, no stack trace, no output. */
    @Test
    void notAnImageAndAnEmptyVideoAreNamedWithTheirProblem(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("photo.png"), "a shot list, not a picture");
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
        Path poses = dir.resolve("poses");

        assertThat(run(notes.toString(), "--out", poses.toString(), "--estimator", "embedded")).isEqualTo(ExtractCommand.FAILED);
        assertThat(err.toString()).contains("extract: " + notes + ": not a readable image").doesNotContain("\tat ");

        assertThat(run(empty.toString(), "--out", poses.toString(), "--estimator", "embedded")).isEqualTo(ExtractCommand.FAILED);
        assertThat(err.toString()).contains("extract: " + empty + ": not a readable video").doesNotContain("\tat ");
        assertThat(poses).as("nothing written for either").satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void anUnknownEstimatorIsAUsageError(@TempDir Path dir) {
        assertThat(run(IMAGE.toString(), "--out", dir.toString(), "--estimator", "openpose")).isEqualTo(ExtractCommand.USAGE);
        assertThat(err.toString()).contains("unknown estimator 'openpose': use auto, dwpose or embedded");
    }

    @Test
    void unreadableInputAndBadOptionsAreReportedNotThrown(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("clip.mp4");
        Files.writeString(fake, "no video here");
        assertThat(run(fake.toString(), "--out", dir.resolve("o").toString(), "--models", MODELS.toString()))
                .isEqualTo(ExtractCommand.FAILED);
        assertThat(err.toString()).contains("extract: " + fake + ": not a readable video");
        assertThat(run(fake.toString(), "--out", dir.resolve("o").toString(), "--estimator", "embedded"))
                .isEqualTo(ExtractCommand.FAILED);
        assertThat(err.toString()).contains("extract: " + fake + ": not a readable video").doesNotContain("\tat ");
        assertThat(run(dir.resolve("absent.png").toString(), "--out", dir.toString())).isEqualTo(ExtractCommand.FAILED);
        assertThat(err.toString()).contains("absent.png: file not found");
        assertThat(run(VIDEO.toString(), "--out", dir.toString(), "--stride", "0")).isEqualTo(ExtractCommand.USAGE);
        assertThat(err.toString()).contains("--stride must be >= 1, got 0");
        assertThat(run(VIDEO.toString(), "--out", dir.toString(), "--device", "tpu")).isEqualTo(ExtractCommand.USAGE);
        assertThat(err.toString()).contains("unknown device 'tpu'");
        assertThat(run(VIDEO.toString())).isEqualTo(ExtractCommand.USAGE); // --out is required: picocli's usage error
        assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    }
}
