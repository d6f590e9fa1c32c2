package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.preferences.DefaultDevice;
import org.fvstudio.ui.preferences.Preferences;
import org.fvstudio.ui.settings.StudioHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationSessionsTest {

    @TempDir
    Path home;

    private InferenceSettings preferred(DefaultDevice device, int threads) {
        return InferenceSettings.from(Preferences.defaults(new StudioHome(home)).withDefaultDevice(device)
                .withThreadCount(threads));
    }

    @Test
    void aProjectOnAutoRunsOnThePreferredDeviceWithThePreferredThreads() {
        SessionSettings s = GenerationSessions.settings(preferred(DefaultDevice.CUDA, 3), "auto", 8);
        assertThat(s.device()).isEqualTo(DevicePreference.CUDA);
        assertThat(s.intraOpThreads()).isEqualTo(3);
        assertThat(GenerationSessions.settings(preferred(DefaultDevice.CPU, 3), " AUTO ", 8).device())
                .isEqualTo(DevicePreference.CPU);
    }

    @Test
    void aProjectNamingADeviceKeepsIt() {
        assertThat(GenerationSessions.settings(preferred(DefaultDevice.CUDA, 2), "cpu", 8).device())
                .isEqualTo(DevicePreference.CPU);
        assertThat(GenerationSessions.settings(preferred(DefaultDevice.CPU, 2), "cuda", 8).device())
                .isEqualTo(DevicePreference.CUDA);
    }

    @Test
    void threadCountZeroLeavesOneCoreForTheFxThread() {
        assertThat(GenerationSessions.settings(preferred(DefaultDevice.AUTO, 0), "cpu", 8).intraOpThreads()).isEqualTo(7);
        assertThat(GenerationSessions.settings(preferred(DefaultDevice.AUTO, 0), "cpu", 1).intraOpThreads()).isEqualTo(1);
        assertThat(GenerationSessions.settings(DevicePreference.AUTO, 0, "auto", 2))
                .isEqualTo(SessionSettings.defaults().withDevice(DevicePreference.AUTO).withIntraOpThreads(1));
    }
}
