package org.fvstudio.ui.help;

import java.util.List;
import java.util.Optional;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.media.FfmpegVersion;

/** Everything Help > About shows (and the studio logs at start), gathered off the FX thread. */
public record AboutInfo(String appVersion, String javaVersion, String javafxVersion,
                        String onnxRuntimeVersion, String ffmpegVersion, String device, List<LicenceText> licences) {

    public AboutInfo {
        licences = List.copyOf(licences);
    }

    public static AboutInfo gather(String appVersion, InferenceStatus inference, Optional<BundledAssets> assets) {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
        String javafx = Optional.ofNullable(System.getProperty("javafx.runtime.version")).orElse("unknown");
        return new AboutInfo(appVersion, java, javafx, inference.runtimeVersion(), FfmpegVersion.text(),
                inference.deviceInUse(),
                LicenceTexts.read(assets));
    }

    /** The version lines as plain text (also what "Copy" puts on the clipboard). */
    public String versionsText() {
        return String.join("\n",
                appVersion,
                "Java: " + javaVersion,
                "JavaFX: " + javafxVersion,
                "ONNX Runtime: " + onnxRuntimeVersion,
                "FFmpeg: " + ffmpegVersion,
                "Device: " + device);
    }
}
