package org.fvstudio.app.cli;

import org.fvstudio.inference.runtime.SessionSettings;
import picocli.CommandLine.Option;

/** The ONNX Runtime options the model-running bench commands share: device and thread count. */
final class RuntimeOptions {

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|cuda",
            description = "device; CUDA falls back to CPU when unavailable (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "ONNX Runtime intra-op threads (0 = its default)")
    int threads;

    /** @throws IllegalArgumentException for an unknown device name */
    SessionSettings settings() {
        return CliSupport.settings(device, threads);
    }

    String threadsLabel() {
        return threads == 0 ? "ORT default" : Integer.toString(threads);
    }
}
