package org.fvstudio.inference.dwpose;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.ModelSessions;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.render.RgbImage;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** YOLOX person detection. Not thread-safe (reuses its input buffer). */
public final class PersonDetector implements AutoCloseable {

    /** Candidates below this best-class score are not considered at all (YOLOX's own NMS threshold). */
    static final double CANDIDATE_SCORE = 0.1;
    public static final double NMS_IOU = 0.45;
    public static final double PERSON_SCORE = 0.3;
    public static final int PERSON_CLASS = 0;

    private final ModelSession session;
    private final float[] input = new float[3 * DwposeModels.DETECTOR_SIDE * DwposeModels.DETECTOR_SIDE];
    private final float[] output = new float[YoloxDecoder.anchorCount(DwposeModels.DETECTOR_SIDE) * DwposeModels.DETECTOR_CHANNELS];

    private PersonDetector(ModelSession session) {
        this.session = session;
    }

    public static PersonDetector open(java.nio.file.Path file, SessionSettings settings) throws ModelLoadException {
        ModelSession session = ModelSessions.open(file, settings);
        try {
            session.requireSignature(DwposeModels.DETECTOR_SIGNATURE);
        } catch (ModelLoadException e) {
            session.close();
            throw e;
        }
        return new PersonDetector(session);
    }

    public ExecutionDevice device() {
        return session.device();
    }

    public ModelSession session() {
        return session;
    }

    /** Person boxes (score > 0.3 after NMS) in image pixels; the whole image when nobody is found. */
    public List<Detection> detectPeople(RgbImage image) throws InferenceException {
        Letterbox letterbox = Letterbox.fit(image.width(), image.height(), DwposeModels.DETECTOR_SIDE);
        letterbox.writeChw(image, input);
        long side = DwposeModels.DETECTOR_SIDE;
        try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), FloatBuffer.wrap(input), new long[] {1, 3, side, side});
             OrtSession.Result result = session.run(Map.of("images", tensor))) {
            readFloats(result.get(0), output);
        } catch (OrtException e) {
            throw new InferenceException(session.file().getFileName() + ": cannot pass the image: " + e.getMessage(), e);
        }
        List<Detection> candidates = YoloxDecoder.decode(output, DwposeModels.DETECTOR_CHANNELS, letterbox, CANDIDATE_SCORE);
        List<Detection> people = new ArrayList<>();
        for (Detection d : NonMaxSuppression.apply(candidates, NMS_IOU)) {
            if (d.classId() == PERSON_CLASS && d.score() > PERSON_SCORE) {
                people.add(d);
            }
        }
        if (people.isEmpty()) {
            people.add(new Detection(new BoundingBox(0, 0, image.width(), image.height()), PERSON_CLASS, 0));
        }
        return people;
    }

    static void readFloats(OnnxValue value, float[] into) throws InferenceException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new InferenceException("graph output is not a tensor");
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer == null || buffer.remaining() != into.length) {
            throw new InferenceException("graph output has " + (buffer == null ? "no float" : buffer.remaining())
                    + " values, expected " + into.length);
        }
        buffer.get(into);
    }

    @Override
    public void close() {
        session.close();
    }
}
