package org.fvstudio.inference.dwpose;

import java.nio.FloatBuffer;
import java.nio.file.Path;
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
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The DWPose SimCC estimator for one person box. Not thread-safe (reuses its buffers). */
public final class PoseEstimator implements AutoCloseable {

    private static final int POINTS = WholeBodyMapping.COCO_WHOLEBODY_POINTS;
    private static final int X_BINS = (int) (DwposeModels.CROP_WIDTH * SimccDecoder.SPLIT_RATIO);
    private static final int Y_BINS = (int) (DwposeModels.CROP_HEIGHT * SimccDecoder.SPLIT_RATIO);

    private final ModelSession session;
    private final float[] input = new float[3 * DwposeModels.CROP_WIDTH * DwposeModels.CROP_HEIGHT];
    private final float[] simccX = new float[POINTS * X_BINS];
    private final float[] simccY = new float[POINTS * Y_BINS];

    private PoseEstimator(ModelSession session) {
        this.session = session;
    }

    public static PoseEstimator open(Path file, SessionSettings settings) throws ModelLoadException {
        ModelSession session = ModelSessions.open(file, settings);
        try {
            session.requireSignature(DwposeModels.ESTIMATOR_SIGNATURE);
        } catch (ModelLoadException e) {
            session.close();
            throw e;
        }
        return new PoseEstimator(session);
    }

    public ExecutionDevice device() {
        return session.device();
    }

    public ModelSession session() {
        return session;
    }

    /** The 133 COCO-WholeBody points of the person in {@code box}, flat [x, y, score] in image pixels. */
    public double[] estimate(RgbImage image, BoundingBox box) throws InferenceException {
        CropTransform crop = CropTransform.forBox(box, DwposeModels.CROP_WIDTH, DwposeModels.CROP_HEIGHT);
        crop.writeNormalisedChw(image, input);
        long[] shape = {1, 3, DwposeModels.CROP_HEIGHT, DwposeModels.CROP_WIDTH};
        try (OnnxTensor tensor = OnnxTensor.createTensor(session.environment(), FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of("input", tensor))) {
            PersonDetector.readFloats(result.get("simcc_x").orElseThrow(), simccX);
            PersonDetector.readFloats(result.get("simcc_y").orElseThrow(), simccY);
        } catch (OrtException e) {
            throw new InferenceException(session.file().getFileName() + ": cannot pass the crop: " + e.getMessage(), e);
        }
        double[] points = SimccDecoder.decode(simccX, simccY, POINTS);
        for (int k = 0; k < POINTS; k++) {
            points[3 * k] = crop.toImageX(points[3 * k]);
            points[3 * k + 1] = crop.toImageY(points[3 * k + 1]);
        }
        return points;
    }

    @Override
    public void close() {
        session.close();
    }
}
