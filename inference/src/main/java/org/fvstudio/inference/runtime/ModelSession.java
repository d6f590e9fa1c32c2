package org.fvstudio.inference.runtime;

import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One open graph with the device it really runs on. Close it (try-with-resources); the
 * {@link OrtSession.Result} of {@link #run} must be closed by the caller as well.
 */
public final class ModelSession implements AutoCloseable {

    private final Path file;
    private final OrtSession session;
    private final ExecutionDevice device;
    private final String deviceNote;
    private final GraphSignature signature;

    ModelSession(Path file, OrtSession session, ExecutionDevice device, String deviceNote) throws OrtException {
        this.file = file;
        this.session = session;
        this.device = device;
        this.deviceNote = deviceNote;
        this.signature = GraphSignature.of(session);
    }

    public Path file() {
        return file;
    }

    /** The device this session runs on (after any fallback). */
    public ExecutionDevice device() {
        return device;
    }

    /** Why this device was chosen, e.g. "CUDA requested but unavailable (…); running on CPU". */
    public String deviceNote() {
        return deviceNote;
    }

    public GraphSignature signature() {
        return signature;
    }

    /** Fails with a message naming this file, the tensor, what was expected and what was found. */
    public void requireSignature(GraphSignature expected) throws GraphSignatureException {
        signature.requireMatches(file, expected);
    }

    public OrtEnvironment environment() {
        return OnnxEnvironment.get();
    }

    /** Runs the graph; the caller closes the result (and its own input tensors). */
    public OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs) throws InferenceException {
        try {
            return session.run(inputs);
        } catch (OrtException | RuntimeException e) {
            throw new InferenceException(file.getFileName() + ": running the graph failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the graph writing its outputs into {@code pinnedOutputs} (tensors the caller owns and closes); the
     * returned result must still be closed, it does not own the pinned tensors.
     */
    public OrtSession.Result run(Map<String, ? extends OnnxTensorLike> inputs,
            Map<String, ? extends ai.onnxruntime.OnnxValue> pinnedOutputs) throws InferenceException {
        try {
            return session.run(inputs, pinnedOutputs);
        } catch (OrtException | RuntimeException e) {
            throw new InferenceException(file.getFileName() + ": running the graph failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing " + file + " failed", e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + " on " + device;
    }
}
