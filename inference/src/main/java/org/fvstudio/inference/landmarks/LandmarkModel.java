package org.fvstudio.inference.landmarks;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.fvstudio.inference.image.SquareCrop;
import org.fvstudio.inference.runtime.ElementType;
import org.fvstudio.inference.runtime.GraphSignatureException;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.ModelSessions;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.runtime.TensorSpec;
import org.fvstudio.pose.render.RgbImage;

/**
 * One MediaPipe landmark graph (hand landmarks, face mesh, BlazePose landmarks) converted by tools/tfjs2onnx: a
 * square crop (rotated for hands and faces, upright and Pillow-resized for BlazePose) as float32 [1, S, S, 3]
 * (byte / 255) in; points in input pixels and a presence score out. Not thread-safe.
 */
public final class LandmarkModel implements AutoCloseable {

    /**
     * What a graph's outputs are called: the points ({@code valuesPerPoint} per point, x, y, z first) and the
     * presence score.
     */
    public record Outputs(String points, int pointCount, int valuesPerPoint, String presence) {
    }

    public static final Outputs HAND = new Outputs("landmarks", 21, 3, "hand_flag");
    public static final Outputs FACE = new Outputs("mesh", 468, 3, "face_flag");
    /** BlazePose: x, y, z, visibility and presence (both logits) per point. */
    public static final Outputs POSE = new Outputs("landmarks", 39, 5, "pose_flag");

    private final ModelSession session;
    private final Outputs outputs;
    private final String inputName;
    private final int size;
    private final float[] input;

    private LandmarkModel(ModelSession session, Outputs outputs, String inputName, int size) {
        this.session = session;
        this.outputs = outputs;
        this.inputName = inputName;
        this.size = size;
        this.input = new float[size * size * 3];
    }

    public static LandmarkModel open(Path file, Outputs outputs, SessionSettings settings) throws ModelLoadException {
        ModelSession session = ModelSessions.open(file, settings);
        try {
            TensorSpec in = session.signature().inputs().get(0);
            long[] shape = in.shape();
            if (in.type() != ElementType.FLOAT32 || shape.length != 4 || shape[1] != shape[2] || shape[3] != 3 || shape[1] <= 0) {
                throw new GraphSignatureException(file, "input must be float32 [1, S, S, 3], found " + in);
            }
            boolean hasPoints = session.signature().outputs().stream().anyMatch(o -> o.name().equals(outputs.points()));
            boolean hasPresence = session.signature().outputs().stream().anyMatch(o -> o.name().equals(outputs.presence()));
            if (!hasPoints || !hasPresence) {
                throw new GraphSignatureException(file, "expected outputs '" + outputs.points() + "' and '"
                        + outputs.presence() + "', found " + session.signature().outputs());
            }
            return new LandmarkModel(session, outputs, in.name(), (int) shape[1]);
        } catch (ModelLoadException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public int size() {
        return size;
    }

    /** The points (x, y, z in input pixels, then any further values) and the presence score for a prepared input. */
    public Result run(float[] nhwc) throws InferenceException {
        if (nhwc.length != input.length) {
            throw new IllegalArgumentException("expected " + input.length + " input values, got " + nhwc.length);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), FloatBuffer.wrap(nhwc),
                new long[] {1, size, size, 3});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            float[] points = floats(result, outputs.points(), outputs.pointCount() * outputs.valuesPerPoint());
            float presence = floats(result, outputs.presence(), 1)[0];
            return new Result(points, presence);
        } catch (OrtException e) {
            throw new InferenceException(session.file().getFileName() + ": cannot pass the crop: " + e.getMessage(), e);
        }
    }

    /** Crops {@code crop} out of {@code image} and runs the graph on it. */
    public Result run(RgbImage image, RotatedCrop crop) throws InferenceException {
        crop.writeUnitNhwc(image, size, input);
        return run(input);
    }

    /** Cuts {@code crop} out of {@code image}, resized as MoveNet's input is, and runs the graph on it. */
    public Result run(RgbImage image, SquareCrop crop) throws InferenceException {
        int[] bytes = new int[input.length];
        crop.writeNhwc(image, size, bytes);
        for (int i = 0; i < bytes.length; i++) {
            input[i] = bytes[i] / 255f;
        }
        return run(input);
    }

    /** @param points {@link Outputs#valuesPerPoint()} values per point, x, y, z in input pixels first */
    public record Result(float[] points, float presence) {
    }

    private float[] floats(OrtSession.Result result, String name, int count) throws InferenceException {
        OnnxValue value = result.get(name).orElseThrow(() ->
                new InferenceException(session.file().getFileName() + ": no output '" + name + "'"));
        if (!(value instanceof OnnxTensor tensor) || tensor.getFloatBuffer() == null
                || tensor.getFloatBuffer().remaining() != count) {
            throw new InferenceException(session.file().getFileName() + ": output '" + name + "' is not " + count + " floats");
        }
        float[] out = new float[count];
        tensor.getFloatBuffer().get(out);
        return out;
    }

    @Override
    public void close() {
        session.close();
    }
}
