package org.fvstudio.inference.movenet;

import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.fvstudio.inference.runtime.ElementType;
import org.fvstudio.inference.runtime.GraphSignatureException;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.ModelSessions;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.runtime.TensorSpec;

/**
 * What the MoveNet graphs share: one input, a square RGB picture as int32 [1, S, S, 3] (0..255, NHWC, the graph
 * normalises inside), and one float32 output. Not thread-safe.
 */
final class SquareRgbGraph implements AutoCloseable {

    private final ModelSession session;
    private final String inputName;
    private final int side;
    private final long[] outputShape;

    private SquareRgbGraph(ModelSession session, String inputName, int side, long[] outputShape) {
        this.session = session;
        this.inputName = inputName;
        this.side = side;
        this.outputShape = outputShape;
    }

    /**
     * Opens {@code file} and checks its signature; {@code output} says whether the output's shape is the one
     * {@code expected} describes (e.g. "[1, 1, 17, 3] (MoveNet)").
     */
    static SquareRgbGraph open(Path file, SessionSettings settings, Predicate<long[]> output, String expected)
            throws ModelLoadException {
        ModelSession session = ModelSessions.open(file, settings);
        try {
            List<TensorSpec> inputs = session.signature().inputs();
            List<TensorSpec> outputs = session.signature().outputs();
            if (inputs.size() != 1 || outputs.size() != 1) {
                throw new GraphSignatureException(file, "expected one input and one output, " + expected + ", found "
                        + session.signature());
            }
            TensorSpec in = inputs.get(0);
            long[] shape = in.shape();
            boolean squareRgb = shape.length == 4 && shape[1] > 0 && shape[1] == shape[2] && shape[3] == 3;
            if (in.type() != ElementType.INT32 || !squareRgb) {
                throw new GraphSignatureException(file, "input '" + in.name() + "' must be int32 [1, S, S, 3], " + expected
                        + ", found " + in);
            }
            TensorSpec out = outputs.get(0);
            if (out.type() != ElementType.FLOAT32 || !output.test(out.shape())) {
                throw new GraphSignatureException(file, "output must be float32 " + expected + ", found " + out);
            }
            return new SquareRgbGraph(session, in.name(), (int) shape[1], out.shape());
        } catch (ModelLoadException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    int side() {
        return side;
    }

    long[] outputShape() {
        return outputShape.clone();
    }

    ModelSession session() {
        return session;
    }

    /** Runs the graph on an NHWC input of side x side x 3 values; returns the output's {@code count} floats. */
    float[] run(int[] nhwc, int count) throws InferenceException {
        if (nhwc.length != side * side * 3) {
            throw new IllegalArgumentException("expected " + side * side * 3 + " input values, got " + nhwc.length);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), IntBuffer.wrap(nhwc),
                new long[] {1, side, side, 3});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            if (!(result.get(0) instanceof OnnxTensor values) || values.getFloatBuffer() == null
                    || values.getFloatBuffer().remaining() != count) {
                throw new InferenceException(session.file().getFileName() + ": output is not " + count + " floats");
            }
            float[] out = new float[count];
            values.getFloatBuffer().get(out);
            return out;
        } catch (OrtException e) {
            throw new InferenceException(session.file().getFileName() + ": cannot pass the picture: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
