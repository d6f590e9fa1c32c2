package org.fvstudio.inference.dwpose;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.inference.skeleton.BoundingBox;

/**
 * Turns the raw YOLOX output (anchors x (4 box + objectness + classes)) into detections in source pixels.
 * Anchors run over strides 8, 16, 32 of the square input, row by row; box centre = (xy + grid) * stride,
 * size = exp(wh) * stride, score = objectness x best class score.
 */
public final class YoloxDecoder {

    static final int[] STRIDES = {8, 16, 32};

    private YoloxDecoder() {
    }

    /** Number of anchors for a square input of {@code side} pixels (8400 for 640). */
    public static int anchorCount(int side) {
        int n = 0;
        for (int stride : STRIDES) {
            n += (side / stride) * (side / stride);
        }
        return n;
    }

    /**
     * Decodes every anchor whose best score exceeds {@code minScore}.
     *
     * @param output   flat [anchors][channels] values
     * @param channels 5 + class count
     */
    public static List<Detection> decode(float[] output, int channels, Letterbox letterbox, double minScore) {
        int anchors = anchorCount(letterbox.side());
        if (output.length != anchors * channels) {
            throw new IllegalArgumentException("expected " + anchors + " x " + channels + " values, got " + output.length);
        }
        List<Detection> detections = new ArrayList<>();
        int anchor = 0;
        for (int stride : STRIDES) {
            int cells = letterbox.side() / stride;
            for (int gy = 0; gy < cells; gy++) {
                for (int gx = 0; gx < cells; gx++, anchor++) {
                    int o = anchor * channels;
                    int bestClass = 0;
                    float bestClassScore = output[o + 5];
                    for (int c = 1; c < channels - 5; c++) {
                        if (output[o + 5 + c] > bestClassScore) {
                            bestClassScore = output[o + 5 + c];
                            bestClass = c;
                        }
                    }
                    double score = (double) output[o + 4] * bestClassScore;
                    if (score <= minScore) {
                        continue;
                    }
                    double cx = (output[o] + gx) * stride;
                    double cy = (output[o + 1] + gy) * stride;
                    double w = Math.exp(output[o + 2]) * stride;
                    double h = Math.exp(output[o + 3]) * stride;
                    if (!Double.isFinite(cx) || !Double.isFinite(cy) || !Double.isFinite(w) || !Double.isFinite(h)) {
                        continue;
                    }
                    BoundingBox canvasBox = BoundingBox.ofCenter(cx, cy, w, h);
                    detections.add(new Detection(canvasBox.scaled(1 / letterbox.ratio()), bestClass, score));
                }
            }
        }
        return detections;
    }
}
