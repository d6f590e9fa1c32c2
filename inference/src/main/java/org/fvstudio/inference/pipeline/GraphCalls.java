package org.fvstudio.inference.pipeline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelSession;

/**
 * Runs one graph call: creates the native input tensors, runs, copies the outputs to Java arrays, closes
 * every native object before returning, refuses non-finite outputs, and adds the time spent inside ONNX
 * Runtime to a counter (for the Java-overhead figure).
 */
public final class GraphCalls {

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private long runtimeNanos;
    private long runtimeCpuNanos;

    public long runtimeNanos() {
        return runtimeNanos;
    }

    /**
     * CPU time the calling thread spent inside ONNX Runtime (it takes part in the intra-op work); with the thread's
     * total CPU time this gives the Java side's own CPU cost, which, unlike wall time, other processes on a loaded
     * machine do not inflate.
     */
    public long runtimeCpuNanos() {
        return runtimeCpuNanos;
    }

    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * A direct buffer per graph input, reused from call to call and holding a copy of the input's data. ONNX Runtime
     * reads a direct native-order buffer in place, so the tensor made over it costs no allocation; from a heap array it
     * would allocate and fill a new direct buffer on every call (3 MB a frame for PCM with 3 references). An
     * unchanging input staged from the same array last time is not copied again.
     */
    private FloatBuffer staged(String key, TensorIn input) {
        float[] data = input.data();
        FloatBuffer b = staging.get(key);
        boolean alreadyThere = b != null && input.unchanging() && stagedFrom.get(key) == data;
        if (!alreadyThere) {
            if (b == null || b.capacity() < data.length) {
                b = java.nio.ByteBuffer.allocateDirect(data.length * Float.BYTES).order(java.nio.ByteOrder.nativeOrder())
                        .asFloatBuffer();
                staging.put(key, b);
            }
            b.clear();
            b.put(data);
            stagedFrom.put(key, data);
        }
        return b.duplicate().clear().limit(data.length);
    }

    private final Map<String, FloatBuffer> staging = new HashMap<>();
    /** Per staging buffer, the array last copied into it. */
    private final Map<String, float[]> stagedFrom = new HashMap<>();

    public Map<String, float[]> run(ModelSession session, String role, Map<String, TensorIn> inputs)
            throws GenerationException {
        List<OnnxTensor> created = new ArrayList<>();
        try {
            Map<String, OnnxTensor> feed = new HashMap<>();
            for (Map.Entry<String, TensorIn> e : inputs.entrySet()) {
                OnnxTensor t = OnnxTensor.createTensor(session.environment(),
                        staged(role + "/" + e.getKey(), e.getValue()), e.getValue().shape());
                created.add(t);
                feed.put(e.getKey(), t);
            }
            long start = System.nanoTime();
            long cpuStart = threadCpu();
            try (OrtSession.Result result = session.run(feed)) {
                runtimeNanos += System.nanoTime() - start;
                runtimeCpuNanos += threadCpu() - cpuStart;
                Map<String, float[]> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    if (e.getValue() instanceof OnnxTensor t) {
                        FloatBuffer fb = t.getFloatBuffer();
                        float[] data = new float[fb.remaining()];
                        fb.get(data);
                        requireFinite(role, e.getKey(), data, session);
                        out.put(e.getKey(), data);
                    }
                }
                return out;
            }
        } catch (InferenceException | OrtException e) {
            throw new GenerationException(GenerationError.Kind.RUNTIME, session.file().getFileName() + " (" + role
                    + ") failed: " + e.getMessage(), e);
        } finally {
            created.forEach(OnnxTensor::close);
        }
    }

    /**
     * Runs a graph on inputs and pinned outputs that the caller owns (a {@link NativeFeed}); nothing is allocated
     * or copied here, the outputs are written in place.
     */
    void runInPlace(ModelSession session, String role, Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> outputs)
            throws GenerationException {
        long start = System.nanoTime();
        long cpuStart = threadCpu();
        try (OrtSession.Result ignored = session.run(inputs, outputs)) {
            runtimeNanos += System.nanoTime() - start;
            runtimeCpuNanos += threadCpu() - cpuStart;
        } catch (InferenceException e) {
            throw new GenerationException(GenerationError.Kind.RUNTIME, session.file().getFileName() + " (" + role
                    + ") failed: " + e.getMessage(), e);
        }
    }

    static void requireFinite(String role, String name, float[] data, ModelSession session)
            throws GenerationException {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new GenerationException(GenerationError.Kind.NUMERIC, session.file().getFileName() + " (" + role
                        + ") output '" + name + "' has a non-finite value (" + data[i] + " at element " + i
                        + "): the pack or its input is broken");
            }
        }
    }

    static float[] output(Map<String, float[]> outputs, String name, String role) throws GenerationException {
        return Optional.ofNullable(outputs.get(name)).orElseThrow(() -> new GenerationException(GenerationError.Kind.PACK,
                role + " produced no output '" + name + "'"));
    }
}
