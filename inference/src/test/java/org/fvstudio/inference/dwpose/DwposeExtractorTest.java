package org.fvstudio.inference.dwpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.inference.runtime.GraphSignatureException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DwposeExtractorTest {

    @Test
    void missingModelsSayWhichFilesGoWhere(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DwposeModels.locate(dir))
                .isInstanceOf(ModelsMissingException.class)
                .hasMessageStartingWith("DWPose models missing: put yolox_l.onnx (YOLOX-L person detector) and "
                        + "dw-ll_ucoco_384.onnx (DWPose-L whole-body estimator, 384x288) into " + dir.toAbsolutePath())
                .satisfies(e -> assertThat(((ModelsMissingException) e).missingFiles())
                        .containsExactly("yolox_l.onnx", "dw-ll_ucoco_384.onnx"));
        Files.copy(DwposeTestModels.FOLDER.resolve("yolox_l.onnx"), dir.resolve("yolox_l.onnx"));
        assertThatThrownBy(() -> DwposeModels.locate(dir))
                .hasMessageStartingWith("DWPose models missing: put dw-ll_ucoco_384.onnx (DWPose-L whole-body estimator, 384x288) into");
    }

    @Test
    void defaultFolderFollowsFvstudioHome() {
        String before = System.getProperty("fvstudio.home");
        try {
            System.setProperty("fvstudio.home", "/tmp/fv-home");
            assertThat(DwposeModels.defaultFolder()).isEqualTo(Path.of("/tmp/fv-home/models/dwpose"));
            System.clearProperty("fvstudio.home");
            assertThat(DwposeModels.defaultFolder())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".fvstudio", "models", "dwpose"));
        } finally {
            if (before != null) {
                System.setProperty("fvstudio.home", before);
            }
        }
    }

    @Test
    void aGraphWithTheWrongInputSizeIsRefusedOnLoad(@TempDir Path dir) throws Exception {
        Files.copy(DwposeTestModels.FOLDER.resolve("wrong_size_detector.onnx"), dir.resolve("yolox_l.onnx"));
        Files.copy(DwposeTestModels.FOLDER.resolve("dw-ll_ucoco_384.onnx"), dir.resolve("dw-ll_ucoco_384.onnx"));
        DwposeModels models = DwposeModels.locate(dir);
        assertThatThrownBy(() -> DwposeExtractor.open(models, SessionSettings.defaults()))
                .isInstanceOf(GraphSignatureException.class)
                .hasMessageContaining(dir.resolve("yolox_l.onnx").toString())
                .hasMessageContaining("input 'images': expected float32 [1, 3, 640, 640], found float32 [1, 3, 416, 416]");
        // Estimator file in the detector's place: names differ.
        Files.copy(DwposeTestModels.FOLDER.resolve("dw-ll_ucoco_384.onnx"), dir.resolve("yolox_l.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> DwposeExtractor.open(models, SessionSettings.defaults()))
                .isInstanceOf(GraphSignatureException.class)
                .hasMessageContaining("input 'images': expected float32 [1, 3, 640, 640], found no such input (inputs: 'input')");
    }

    @Test
    void stillPictureGivesPeopleLargestFirstOrOnlyTheLargest() throws Exception {
        RgbImage frame;
        try (VideoFrameReader reader = VideoFrameReader.open(DwposeTestModels.VIDEO)) {
            frame = reader.nextFrame().image();
        }
        try (DwposeExtractor extractor = DwposeExtractor.open(DwposeModels.locate(DwposeTestModels.FOLDER),
                SessionSettings.defaults())) {
            assertThat(extractor.deviceDescription()).isEqualTo("detector CPU, estimator CPU (CPU requested)");
            Pose everyone = extractor.detect(frame);
            assertThat(everyone.people()).hasSize(2);
            VideoPoseExtractorTest.assertPerson(everyone.people().get(0), DwposeTestModels.PERSON_A);
            VideoPoseExtractorTest.assertPerson(everyone.people().get(1), DwposeTestModels.PERSON_B);
            Pose largest = extractor.detect(frame, true);
            assertThat(largest.people()).containsExactly(everyone.people().get(0));
        }
    }
}
