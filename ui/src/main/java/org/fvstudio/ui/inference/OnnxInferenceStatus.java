package org.fvstudio.ui.inference;

import java.util.function.Supplier;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.OnnxEnvironment;
import org.fvstudio.ui.help.InferenceStatus;

/**
 * The About box's inference lines from the real runtime: the ONNX Runtime version, the device the next
 * session will run on (from the preferred device and the providers compiled in), and the device that the
 * last inference really used. Asked off the FX thread: the first call starts ONNX Runtime.
 */
public final class OnnxInferenceStatus implements InferenceStatus {

    private final Supplier<InferenceSettings> settings;
    private volatile String lastUsed;

    public OnnxInferenceStatus(Supplier<InferenceSettings> settings) {
        this.settings = settings;
    }

    @Override
    public String runtimeVersion() {
        return OnnxEnvironment.version();
    }

    @Override
    public String deviceInUse() {
        String next = nextDevice(settings.get().device(), OnnxEnvironment.cudaCompiledIn());
        return lastUsed == null ? next : next + "; last used: " + lastUsed;
    }

    /** Remembers what an inference really ran on, e.g. "DWPose: detector CPU, estimator CPU (CPU requested)". */
    public void recordDeviceUsed(String description) {
        lastUsed = description;
    }

    /** Where a session opened now would run; CUDA is only a candidate until a session has started on it. */
    public static String nextDevice(DevicePreference preference, boolean cudaCompiledIn) {
        return switch (preference) {
            case CPU -> "CPU (preferred device: CPU)";
            case AUTO, CUDA -> cudaCompiledIn
                    ? "CUDA when the GPU starts, else CPU (preferred device: " + preference.name().toLowerCase() + ")"
                    : "CPU (preferred device: " + preference.name().toLowerCase()
                            + "; this ONNX Runtime build has no CUDA provider)";
        };
    }
}
