package org.fvstudio.inference.movenet;

import java.nio.file.Path;

import org.fvstudio.inference.image.SquareCrop;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.RgbImage;

/**
 * One MoveNet single-pose graph (converted from TensorFlow.js by tools/tfjs2onnx): a square RGB picture of
 * {@link #side()} pixels, int32 0..255 in NHWC order, in; the 17 COCO body points of the most prominent person
 * out, each (y, x, score) with y and x normalised to the square. Not thread-safe (reuses its buffers).
 */
public final class MoveNetModel implements AutoCloseable {

    public static final int POINTS = 17;

    private final SquareRgbGraph graph;
    private final int[] input;

    private MoveNetModel(SquareRgbGraph graph) {
        this.graph = graph;
        this.input = new int[graph.side() * graph.side() * 3];
    }

    /** Opens the graph and checks that it has MoveNet's signature (any square side). */
    public static MoveNetModel open(Path file, SessionSettings settings) throws ModelLoadException {
        return new MoveNetModel(SquareRgbGraph.open(file, settings,
                out -> out.length == 4 && out[2] == POINTS && out[3] == 3, "[1, 1, 17, 3] (MoveNet)"));
    }

    public int side() {
        return graph.side();
    }

    public ExecutionDevice device() {
        return graph.session().device();
    }

    public ModelSession session() {
        return graph.session();
    }

    /** Runs the graph on {@code crop} of {@code image}; returns [17][y, x, score], normalised to the crop. */
    float[] run(RgbImage image, SquareCrop crop) throws InferenceException {
        crop.writeNhwc(image, graph.side(), input);
        return run(input);
    }

    /** Runs the graph on a prepared NHWC input (length side x side x 3); returns [17][y, x, score]. */
    public float[] run(int[] nhwc) throws InferenceException {
        return graph.run(nhwc, POINTS * 3);
    }

    @Override
    public void close() {
        graph.close();
    }
}
