package org.fvstudio.inference.pack;

import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.SessionSettings;

/**
 * Which file of a graph to run. A pack's float16 variant is used only when the session actually runs on CUDA:
 * on CPU ONNX Runtime has few half-precision kernels (it inserts casts and runs slower) and the result would
 * drift from the float32 reference for nothing.
 */
public final class GraphPrecision {

    private GraphPrecision() {
    }

    /** Whether trying the fp16 file first is worth it (a variant exists, is allowed, and CUDA may answer). */
    public static boolean worthTryingFp16(GraphDecl graph, SessionSettings settings) {
        return graph.fp16File().isPresent() && settings.allowFp16() && settings.device() != DevicePreference.CPU;
    }

    /** The file to keep once the device that really runs the graph is known. */
    public static String fileFor(GraphDecl graph, SessionSettings settings, ExecutionDevice actual) {
        if (actual == ExecutionDevice.CUDA && graph.fp16File().isPresent() && settings.allowFp16()) {
            return graph.fp16File().get();
        }
        return graph.file();
    }
}
