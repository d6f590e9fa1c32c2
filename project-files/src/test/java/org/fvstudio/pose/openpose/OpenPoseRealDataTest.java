package org.fvstudio.pose.openpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.pose.openpose.RawPoseFiles.assertPerson;
import static org.fvstudio.pose.openpose.RawPoseFiles.assertSamePoses;
import static org.fvstudio.pose.openpose.RawPoseFiles.json;
import static org.fvstudio.pose.openpose.RawPoseFiles.resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.OpenPoseSequenceExporter;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The real files of ../shared/data/poses import without loss and survive export + import. */
class OpenPoseRealDataTest {

    @TempDir
    Path temp;

    private final OpenPoseReader reader = new OpenPoseReader();

    @ParameterizedTest
    @ValueSource(strings = {"cam01", "cam02", "cam03", "cam04"})
    void pose2simCameraImportsEveryFrameAsBody25b(String cam) throws Exception {
        Path folder = resource("poses/pose2sim/" + cam);

        OpenPoseImport result = reader.withDefaultCanvas(1080, 1920).read(folder);

        assertThat(result.frames()).hasSize(100);
        assertThat(result.bodyLayouts()).containsExactly(BodyLayout.BODY_25B);
        assertThat(result.normalised()).isFalse();
        if (cam.equals("cam03") || cam.equals("cam04")) {
            assertThat(result.skippedFiles()).extracting(p -> p.getFileName().toString())
                    .containsExactly("del_000000_0.json", "del_000001_0.json");
        } else {
            assertThat(result.skippedFiles()).isEmpty();
        }
        for (int i = 0; i < 100; i++) {
            Path file = result.files().get(i);
            assertThat(file.getFileName().toString()).isEqualTo(String.format(Locale.ROOT, "%s.%04d.json", cam, i));
            JsonNode raw = json(file).get("people");
            Pose pose = result.frames().get(i);
            assertThat(pose.canvasWidth()).isEqualTo(1080);
            assertThat(pose.canvasHeight()).isEqualTo(1920);
            assertThat(pose.people()).hasSize(raw.size());
            for (int p = 0; p < raw.size(); p++) {
                assertPerson(pose.people().get(p), raw.get(p), RawPoseFiles.BODY_25B, true, 1, 1);
            }
        }
        if (cam.equals("cam03")) {
            assertThat(result.frames()).allSatisfy(pose -> assertThat(pose.people()).hasSize(1));
        }
        assertThat(result.frames().stream().mapToInt(pose -> pose.people().size()).min().orElseThrow()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cam01", "cam02", "cam03", "cam04"})
    void pose2simCameraRoundTripsInPixelsAndNormalised(String cam) throws Exception {
        List<Pose> imported = reader.withDefaultCanvas(1080, 1920).readSequence(resource("poses/pose2sim/" + cam));
        for (CoordinateMode mode : CoordinateMode.values()) {
            Path out = temp.resolve(cam + "-" + mode);
            exportSequence(imported, out, mode);

            List<Pose> again = new OpenPoseReader().readSequence(out);

            assertThat(again).hasSameSizeAs(imported);
            for (int i = 0; i < imported.size(); i++) {
                assertSamePoses(again.get(i), imported.get(i));
            }
        }
    }

    @Test
    void pose2simCanvasComesFromTheExtentWithoutADefault() throws Exception {
        Path folder = resource("poses/pose2sim/cam03");
        OpenPoseImport result = reader.read(folder);
        double maxX = 0;
        double maxY = 0;
        for (Path file : result.files()) {
            for (JsonNode person : json(file).get("people")) {
                JsonNode body = person.get("pose_keypoints_2d");
                for (int i = 0; i < body.size(); i += 3) {
                    if (body.get(i + 2).doubleValue() > 0) {
                        maxX = Math.max(maxX, body.get(i).doubleValue());
                        maxY = Math.max(maxY, body.get(i + 1).doubleValue());
                    }
                }
            }
        }
        int width = (int) Math.floor(maxX) + 1;
        int height = (int) Math.floor(maxY) + 1;
        assertThat(width).isLessThanOrEqualTo(1080);
        assertThat(height).isLessThanOrEqualTo(1920).isGreaterThan(width);
        assertThat(result.frames()).allSatisfy(pose -> {
            assertThat(pose.canvasWidth()).isEqualTo(width);
            assertThat(pose.canvasHeight()).isEqualTo(height);
        });
    }

    @Test
    void signerImportsBody25FaceAndHands() throws Exception {
        OpenPoseImport result = reader.withDefaultCanvas(1280, 720).read(resource("poses/signer"));

        assertThat(result.frames()).hasSize(9);
        assertThat(result.bodyLayouts()).containsExactly(BodyLayout.BODY_25);
        for (int i = 0; i < 9; i++) {
            JsonNode raw = json(result.files().get(i)).get("people").get(0);
            Pose pose = result.frames().get(i);
            assertThat(pose.canvasWidth()).isEqualTo(1280);
            assertThat(pose.canvasHeight()).isEqualTo(720);
            assertThat(raw.get("face_keypoints_2d").size()).isEqualTo(70 * 3);
            assertPerson(pose.people().get(0), raw, RawPoseFiles.BODY_25, true, 1, 1);
            assertThat(pose.people().get(0).hasAnyPresent(BodyPart.FACE)).isTrue();
            assertThat(pose.people().get(0).hasAnyPresent(BodyPart.LEFT_HAND)).isTrue();
            assertThat(pose.people().get(0).hasAnyPresent(BodyPart.RIGHT_HAND)).isTrue();
        }
        Path out = temp.resolve("signer-out");
        exportSequence(result.frames(), out, CoordinateMode.PIXELS);
        List<Pose> again = reader.readSequence(out);
        for (int i = 0; i < 9; i++) {
            assertSamePoses(again.get(i), result.frames().get(i));
        }
    }

    @Test
    void editorFileInNormalisedCoordinates() throws Exception {
        Path file = resource("poses/openpose-editor/pose.json");
        JsonNode raw = json(file);

        OpenPoseImport result = reader.read(file);
        Pose pose = result.frames().get(0);

        assertThat(result.normalised()).isTrue();
        assertThat(result.bodyLayouts()).containsExactly(BodyLayout.OPENPOSE_18);
        assertThat(pose.canvasWidth()).isEqualTo(raw.get("canvas_width").intValue()).isEqualTo(768);
        assertThat(pose.canvasHeight()).isEqualTo(raw.get("canvas_height").intValue()).isEqualTo(512);
        assertThat(pose.people()).hasSize(raw.get("people").size());
        int[] identity = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        assertPerson(pose.people().get(0), raw.get("people").get(0), identity, false, 768, 512);
        assertThat(pose.people().get(0).presentCount()).isGreaterThan(10);

        for (CoordinateMode mode : CoordinateMode.values()) {
            Path out = temp.resolve("pose-" + mode + ".json");
            new OpenPoseWriter().writeFrame(pose, out, mode);
            assertSamePoses(reader.readFrame(out), pose);
        }
    }

    @Test
    void editorFileInPixelsWithHands() throws Exception {
        Path file = resource("poses/openpose-editor/pose_hand_fixed.json");
        JsonNode raw = json(file);

        Pose pose = reader.readFrame(file);

        assertThat(pose.canvasWidth()).isEqualTo(768);
        assertThat(pose.canvasHeight()).isEqualTo(512);
        int[] identity = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        assertPerson(pose.people().get(0), raw.get("people").get(0), identity, false, 1, 1);
        assertThat(pose.people().get(0).hasAnyPresent(BodyPart.LEFT_HAND)).isTrue();
        assertThat(pose.people().get(0).hasAnyPresent(BodyPart.RIGHT_HAND)).isTrue();

        for (CoordinateMode mode : CoordinateMode.values()) {
            Path out = temp.resolve("hands-" + mode + ".json");
            new OpenPoseWriter().writeFrame(pose, out, mode);
            assertSamePoses(reader.readFrame(out), pose);
        }
    }

    /** Writes the poses as the studio's OpenPose export does (staged, then renamed into place). */
    private static void exportSequence(List<Pose> poses, Path folder, CoordinateMode mode) throws Exception {
        new OpenPoseSequenceExporter(mode).export(poses.size(), poses::get, folder, ExportMonitor.NONE);
    }
}
