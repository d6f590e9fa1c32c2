package org.fvstudio.ui.generation;

import java.util.Locale;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.ui.inference.InferenceSettings;

/**
 * The ONNX sessions a generation opens, from the preferences and the project: a project that names cpu or
 * cuda gets that device, one that says auto (the default) gets the preferred default device. The preferred
 * thread count is used as it is; 0 ("let the runtime choose") keeps one core free for the FX thread, so
 * drawing never waits for the denoiser.
 */
public final class GenerationSessions {

    private GenerationSessions() {
    }

    public static SessionSettings settings(InferenceSettings preferred, String projectDevice, int cores) {
        return settings(preferred.device(), preferred.threads(), projectDevice, cores);
    }

    /** As above, before any preferences are known (the preferred device is AUTO, the thread count 0). */
    public static SessionSettings settings(DevicePreference preferredDevice, int preferredThreads, String projectDevice,
                                           int cores) {
        SessionSettings base = SessionSettings.defaults().withDevice(preferredDevice).withIntraOpThreads(preferredThreads);
        String named = projectDevice == null ? "" : projectDevice.strip().toLowerCase(Locale.ROOT);
        if (!named.isEmpty() && DevicePreference.parse(named) != DevicePreference.AUTO) {
            base = base.withDevice(DevicePreference.parse(named));
        }
        return preferredThreads > 0 ? base : base.withIntraOpThreads(Math.max(1, cores - 1));
    }
}
