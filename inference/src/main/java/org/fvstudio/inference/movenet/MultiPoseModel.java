package org.fvstudio.inference.movenet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fvstudio.inference.image.SquareCrop;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
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

    private final SquareRgbGraph graph;
    private final int rows;
    private final int[] input;

    private MultiPoseModel(SquareRgbGraph graph) {
        this.graph = graph;
        this.rows = (int) graph.outputShape()[1];
        this.input = new int[graph.side() * graph.side() * 3];
    }

    /** Opens the graph and checks that it has MultiPose's signature. */
    public static MultiPoseModel open(Path file, SessionSettings settings) throws ModelLoadException {
        return new MultiPoseModel(SquareRgbGraph.open(file, settings,
                out -> out.length == 3 && out[1] >= 1 && out[2] == ROW, "[1, N, " + ROW + "] (MoveNet MultiPose)"));
    }

    public int side() {
        return graph.side();
    }

    public ExecutionDevice device() {
        return graph.session().device();
    }

    /** The candidates of {@code crop} scoring at least {@code minScore}, best first. */
    List<Candidate> run(RgbImage image, SquareCrop crop, double minScore) throws InferenceException {
        crop.writeNhwc(image, graph.side(), input);
        return candidates(run(input), minScore);
    }

    /** Runs the graph on a prepared NHWC input; returns the raw rows, {@link #ROW} values each. */
    public float[] run(int[] nhwc) throws InferenceException {
        return graph.run(nhwc, rows * ROW);
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
        graph.close();
    }
}
