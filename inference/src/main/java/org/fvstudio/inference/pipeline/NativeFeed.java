package org.fvstudio.inference.pipeline;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;

/**
 * Native float tensors kept across graph calls. Each tensor wraps a direct, native-order buffer, which ONNX
 * Runtime reads in place (no copy), so rewriting the buffer updates the tensor: inputs that are constant within a
 * frame (pose features, selected tokens and weights) are written once, and only the noisy sample and the timestep
 * are rewritten each step. The same holds for pinned outputs, which ONNX Runtime writes in place.
 * Close it (try-with-resources) to free every native tensor; the buffers come from a {@link Buffers} pool that
 * outlives the feed, so the next frame reuses them instead of allocating fresh native memory.
 */
final class NativeFeed implements AutoCloseable {

    /**
     * Direct buffers by name, reused from feed to feed (only one feed at a time may use a pool). They hold no
     * native tensor; the garbage collector frees them with their owner, as it does any direct buffer.
     */
    static final class Buffers {
        private final Map<String, FloatBuffer> byName = new HashMap<>();

        FloatBuffer get(String name, int elements) {
            FloatBuffer b = byName.get(name);
            if (b == null || b.capacity() != elements) {
                b = ByteBuffer.allocateDirect(elements * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
                byName.put(name, b);
            }
            return b;
        }
    }

    private record Slot(OnnxTensor tensor, FloatBuffer buffer, long[] shape) {
    }

    private final OrtEnvironment environment;
    private final Buffers buffers;
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    NativeFeed(OrtEnvironment environment, Buffers buffers) {
        this.environment = environment;
        this.buffers = buffers;
    }

    /** Writes {@code data} into the tensor {@code key} (created on first use or when the shape changes). */
    OnnxTensor put(String key, float[] data, long... shape) throws GenerationException {
        return putAll(key, List.of(data), shape);
    }

    /** Writes {@code parts} one after the other into the tensor {@code key}, e.g. the frames of a batch. */
    OnnxTensor putAll(String key, List<float[]> parts, long... shape) throws GenerationException {
        Slot slot = slot(key, shape);
        slot.buffer.clear();
        for (float[] part : parts) {
            slot.buffer.put(part);
        }
        if (slot.buffer.hasRemaining()) {
            throw new IllegalArgumentException("tensor '" + key + "' of shape " + Arrays.toString(shape) + " needs "
                    + slot.buffer.capacity() + " values, got " + slot.buffer.position());
        }
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
        FloatBuffer buffer = buffers.get(key, Math.toIntExact(n));
        buffer.clear();
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
