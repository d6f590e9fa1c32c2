package org.fvstudio.ui.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.dwpose.ModelsMissingException;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.ui.preferences.DefaultDevice;
import org.fvstudio.ui.preferences.Preferences;
import org.fvstudio.ui.settings.StudioHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences become session settings and the DWPose model search. */
class InferenceSettingsTest {

    private static final Path TEST_MODELS = Path.of("..", "inference", "src", "test", "resources", "dwpose");

    @TempDir
    Path temp;

    private static void copyModels(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : List.of(DwposeModels.DETECTOR_FILE, DwposeModels.ESTIMATOR_FILE)) {
            Files.copy(TEST_MODELS.resolve(name), folder.resolve(name));
        }
    }

    @Test
    void thePreferredDeviceAndThreadCountReachTheSessions() {
        StudioHome home = new StudioHome(temp.resolve("home"));
        Preferences preferences = Preferences.defaults(home).withDefaultDevice(DefaultDevice.CUDA).withThreadCount(3);

        InferenceSettings settings = InferenceSettings.from(preferences);

        assertThat(settings.modelFolders()).containsExactly(Preferences.defaultDwposeFolder(home));
        assertThat(settings.sessionSettings()).isEqualTo(SessionSettings.defaults().withDevice(DevicePreference.CUDA).withIntraOpThreads(3));
        assertThat(settings.sessionSettings("cpu")).isEqualTo(SessionSettings.defaults().withDevice(DevicePreference.CPU).withIntraOpThreads(3));
        assertThat(settings.sessionSettings("AUTO").device()).isEqualTo(DevicePreference.AUTO);
        assertThat(settings.sessionSettings(" ").device()).isEqualTo(DevicePreference.CUDA);
        assertThat(InferenceSettings.from(Preferences.defaults(home)).sessionSettings())
                .isEqualTo(SessionSettings.defaults().withDevice(DevicePreference.AUTO).withIntraOpThreads(0));
        assertThatThrownBy(() -> settings.sessionSettings("tpu")).hasMessageContaining("unknown device 'tpu'");
    }

    @Test
    void dwposeIsFoundInALaterFolderOrItsDwposeSubfolder() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Path models = temp.resolve("models");
        copyModels(models.resolve("dwpose"));

        DwposeModels found = new InferenceSettings(DevicePreference.CPU, 0, List.of(empty, models)).locateDwpose();

        assertThat(found.detector()).isEqualTo(models.resolve("dwpose").resolve("yolox_l.onnx"));
        assertThat(found.estimator()).isEqualTo(models.resolve("dwpose").resolve("dw-ll_ucoco_384.onnx"));
    }

    @Test
    void whenNothingIsFoundTheMessageNamesTheFilesMissingFromTheMostCompleteFolder() throws IOException {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path half = Files.createDirectories(temp.resolve("half"));
        Files.copy(TEST_MODELS.resolve(DwposeModels.DETECTOR_FILE), half.resolve(DwposeModels.DETECTOR_FILE));

        assertThatThrownBy(() -> new InferenceSettings(DevicePreference.CPU, 0, List.of(first)).locateDwpose())
                .isInstanceOf(ModelsMissingException.class)
                .hasMessageContaining("yolox_l.onnx").hasMessageContaining("dw-ll_ucoco_384.onnx")
                .hasMessageContaining("into " + first.toAbsolutePath());
        assertThatThrownBy(() -> new InferenceSettings(DevicePreference.CPU, 0, List.of(first, half)).locateDwpose())
                .isInstanceOf(ModelsMissingException.class)
                .hasMessageContaining("put dw-ll_ucoco_384.onnx").hasMessageNotContaining("yolox_l.onnx")
                .hasMessageContaining("into " + half.toAbsolutePath());
    }

    @Test
    void theAboutBoxSaysWhereTheNextSessionRuns() {
        assertThat(OnnxInferenceStatus.nextDevice(DevicePreference.CPU, true)).startsWith("CPU");
        assertThat(OnnxInferenceStatus.nextDevice(DevicePreference.AUTO, false))
                .isEqualTo("CPU (preferred device: auto; this ONNX Runtime build has no CUDA provider)");
        assertThat(OnnxInferenceStatus.nextDevice(DevicePreference.CUDA, true)).startsWith("CUDA when the GPU starts, else CPU");
    }
}
