package org.fvstudio.inference.movenet;

import org.fvstudio.inference.image.SquareCrop;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.fvstudio.inference.runtime.ElementType;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.GraphSignatureException;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.ModelSessions;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.runtime.TensorSpec;

/**
 * One MoveNet single-pose graph (converted from TensorFlow.js by tools/tfjs2onnx): a square RGB picture of
 * {@link #side()} pixels, int32 0..255 in NHWC order, in; the 17 COCO body points of the most prominent person
 * out, each (y, x, score) with y and x normalised to the square. Not thread-safe (reuses its buffers).
 */
public final class MoveNetModel implements AutoCloseable {

    public static final int POINTS = 17;

    private final ModelSession session;
    private final String inputName;
    private final int side;
    private final int[] input;
    private final float[] output = new float[POINTS * 3];

    private MoveNetModel(ModelSession session, String inputName, int side) {
        this.session = session;
        this.inputName = inputName;
        this.side = side;
        this.input = new int[side * side * 3];
    }

    /** Opens the graph and checks that it has MoveNet's signature (any square side). */
    public static MoveNetModel open(Path file, SessionSettings settings) throws ModelLoadException {
        ModelSession session = ModelSessions.open(file, settings);
        try {
            List<TensorSpec> inputs = session.signature().inputs();
            List<TensorSpec> outputs = session.signature().outputs();
            if (inputs.size() != 1 || outputs.size() != 1) {
                throw new GraphSignatureException(file, "expected one input and one output (MoveNet), found "
                        + session.signature());
            }
            TensorSpec in = inputs.get(0);
            long[] shape = in.shape();
            boolean squareRgb = shape.length == 4 && shape[1] > 0 && shape[1] == shape[2] && shape[3] == 3;
            if (in.type() != ElementType.INT32 || !squareRgb) {
                throw new GraphSignatureException(file, "input '" + in.name() + "' must be int32 [1, S, S, 3] "
                        + "(MoveNet), found " + in);
            }
            long[] out = outputs.get(0).shape();
            if (outputs.get(0).type() != ElementType.FLOAT32 || out.length != 4 || out[2] != POINTS || out[3] != 3) {
                throw new GraphSignatureException(file, "output must be float32 [1, 1, 17, 3] (MoveNet), found "
                        + outputs.get(0));
            }
            return new MoveNetModel(session, in.name(), (int) shape[1]);
        } catch (ModelLoadException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public int side() {
        return side;
    }

    public ExecutionDevice device() {
        return session.device();
    }

    public ModelSession session() {
        return session;
    }

    /** Runs the graph on {@code crop} of {@code image}; returns [17][y, x, score], normalised to the crop. */
    float[] run(org.fvstudio.pose.render.RgbImage image, SquareCrop crop) throws InferenceException {
        crop.writeNhwc(image, side, input);
        return run(input);
    }

    /** Runs the graph on a prepared NHWC input (length side x side x 3); returns [17][y, x, score]. */
    public float[] run(int[] nhwc) throws InferenceException {
        if (nhwc.length != input.length) {
            throw new IllegalArgumentException("expected " + input.length + " input values, got " + nhwc.length);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), IntBuffer.wrap(nhwc),
                new long[] {1, side, side, 3});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            if (!(result.get(0) instanceof OnnxTensor values) || values.getFloatBuffer() == null
                    || values.getFloatBuffer().remaining() != output.length) {
                throw new InferenceException(session.file().getFileName() + ": output is not 17 x 3 floats");
            }
            values.getFloatBuffer().get(output);
            return output.clone();
        } catch (OrtException e) {
            throw new InferenceException(session.file().getFileName() + ": cannot pass the picture: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
