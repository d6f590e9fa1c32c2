package org.fvstudio.inference.pipeline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;

/**
 * Native float tensors kept across graph calls. Each tensor wraps a direct, native-order buffer, which ONNX
 * Runtime reads in place (no copy), so rewriting the buffer updates the tensor: inputs that are constant within a
 * frame (pose features, selected tokens and weights) are written once, and only the noisy sample and the timestep
 * are rewritten each step. The same holds for pinned outputs, which ONNX Runtime writes in place.
 * Close it (try-with-resources) to free every native tensor.
 */
final class NativeFeed implements AutoCloseable {

    private record Slot(OnnxTensor tensor, FloatBuffer buffer, long[] shape) {
    }

    private final OrtEnvironment environment;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    NativeFeed(OrtEnvironment environment) {
        this.environment = environment;
    }

    /** Writes {@code data} into the tensor {@code key} (created on first use or when the shape changes). */
    OnnxTensor put(String key, float[] data, long... shape) throws GenerationException {
        Slot slot = slot(key, shape);
        slot.buffer.clear();
        slot.buffer.put(data);
        slot.buffer.rewind();
        return slot.tensor;
    }

    /** A tensor of the given shape whose contents ONNX Runtime will overwrite (a pinned output). */
    OnnxTensor output(String key, long... shape) throws GenerationException {
        return slot(key, shape).tensor;
    }

    /** Copies the tensor's current values into {@code into} (which must have its element count). */
    float[] read(String key, float[] into) {
        FloatBuffer b = slots.get(key).buffer;
        b.rewind();
        b.get(into);
        b.rewind();
        return into;
    }

    private Slot slot(String key, long[] shape) throws GenerationException {
        Slot slot = slots.get(key);
        if (slot != null && Arrays.equals(slot.shape, shape)) {
            return slot;
        }
        if (slot != null) {
            slot.tensor.close();
            slots.remove(key);
        }
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        FloatBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(n * Float.BYTES)).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        try {
            OnnxTensor tensor = OnnxTensor.createTensor(environment, buffer, shape.clone());
            Slot created = new Slot(tensor, buffer, shape.clone());
            slots.put(key, created);
            return created;
        } catch (OrtException e) {
            throw new GenerationException(GenerationError.Kind.RUNTIME, "cannot create the native tensor '" + key
                    + "' of shape " + Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        slots.values().forEach(s -> s.tensor.close());
        slots.clear();
    }
}
