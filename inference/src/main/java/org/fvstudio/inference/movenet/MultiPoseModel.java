package org.fvstudio.inference.movenet;

import org.fvstudio.inference.image.SquareCrop;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.fvstudio.pose.render.RgbImage;

/**
 * MoveNet MultiPose (converted by tools/tfjs2onnx): a square RGB picture, int32 0..255 NHWC, in; up to six
 * candidate people out, each a row of 17 (y, x, score) in COCO-17 order, the box (ymin, xmin, ymax, xmax) and
 * the person's score, all normalised to the square. The rows come in no order and absent people score about 0.
 * Not thread-safe (reuses its buffers).
 */
public final class MultiPoseModel implements AutoCloseable {

    /** Values per row: 17 x 3 keypoint values, 4 box values, the person score. */
    public static final int ROW = MoveNetModel.POINTS * 3 + 5;
    private static final int SCORE = ROW - 1;

    /** One candidate person, normalised to the square it was found in. */
    public record Candidate(float[] keypointsYxs, float ymin, float xmin, float ymax, float xmax, float score) {
    }

    private final ModelSession session;
    private final String inputName;
    private final int side;
    private final int rows;
    private final int[] input;

    private MultiPoseModel(ModelSession session, String inputName, int side, int rows) {
        this.session = session;
        this.inputName = inputName;
        this.side = side;
        this.rows = rows;
        this.input = new int[side * side * 3];
    }

    /** Opens the graph and checks that it has MultiPose's signature. */
    public static MultiPoseModel open(Path file, SessionSettings settings) throws ModelLoadException {
        ModelSession session = ModelSessions.open(file, settings);
        try {
            List<TensorSpec> inputs = session.signature().inputs();
            List<TensorSpec> outputs = session.signature().outputs();
            if (inputs.size() != 1 || outputs.size() != 1) {
                throw new GraphSignatureException(file, "expected one input and one output (MoveNet MultiPose), found "
                        + session.signature());
            }
            TensorSpec in = inputs.get(0);
            long[] shape = in.shape();
            boolean squareRgb = shape.length == 4 && shape[1] > 0 && shape[1] == shape[2] && shape[3] == 3;
            if (in.type() != ElementType.INT32 || !squareRgb) {
                throw new GraphSignatureException(file, "input '" + in.name() + "' must be int32 [1, S, S, 3] "
                        + "(MoveNet MultiPose), found " + in);
            }
            TensorSpec out = outputs.get(0);
            long[] outShape = out.shape();
            if (out.type() != ElementType.FLOAT32 || outShape.length != 3 || outShape[1] < 1 || outShape[2] != ROW) {
                throw new GraphSignatureException(file, "output must be float32 [1, N, " + ROW + "] (MoveNet MultiPose), found "
                        + out);
            }
            return new MultiPoseModel(session, in.name(), (int) shape[1], (int) outShape[1]);
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

    /** The candidates of {@code crop} scoring at least {@code minScore}, best first. */
    List<Candidate> run(RgbImage image, SquareCrop crop, double minScore) throws InferenceException {
        crop.writeNhwc(image, side, input);
        return candidates(run(input), minScore);
    }

    /** Runs the graph on a prepared NHWC input; returns the raw rows, {@link #ROW} values each. */
    public float[] run(int[] nhwc) throws InferenceException {
        if (nhwc.length != input.length) {
            throw new IllegalArgumentException("expected " + input.length + " input values, got " + nhwc.length);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), IntBuffer.wrap(nhwc),
                new long[] {1, side, side, 3});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            if (!(result.get(0) instanceof OnnxTensor values) || values.getFloatBuffer() == null
                    || values.getFloatBuffer().remaining() != rows * ROW) {
                throw new InferenceException(session.file().getFileName() + ": output is not " + rows + " x " + ROW + " floats");
            }
            float[] out = new float[rows * ROW];
            values.getFloatBuffer().get(out);
            return out;
        } catch (OrtException e) {
            throw new InferenceException(session.file().getFileName() + ": cannot pass the picture: " + e.getMessage(), e);
        }
    }

    /** The rows of {@code raw} scoring at least {@code minScore}, sorted best first (the graph does not sort). */
    static List<Candidate> candidates(float[] raw, double minScore) {
        List<Candidate> found = new ArrayList<>();
        for (int r = 0; r + ROW <= raw.length; r += ROW) {
            float score = raw[r + SCORE];
            if (score >= minScore) {
                float[] keypoints = new float[MoveNetModel.POINTS * 3];
                System.arraycopy(raw, r, keypoints, 0, keypoints.length);
                int box = r + keypoints.length;
                found.add(new Candidate(keypoints, raw[box], raw[box + 1], raw[box + 2], raw[box + 3], score));
            }
        }
        found.sort(Comparator.comparingDouble((Candidate c) -> c.score()).reversed());
        return found;
    }

    @Override
    public void close() {
        session.close();
    }
}
