package org.fvstudio.inference.dwpose;

import java.nio.file.Path;

/**
 * What the stand-in models of src/test/python/make_dwpose_test_models.py compute, restated, and the image
 * coordinates that follow from FACTS.md's maths, worked out here without the production classes. The ui and
 * app tests use it too (through this module's test-jar), so the stand-in's maths is written down once.
 */
public final class DwposeTestModels {

    static final Path FOLDER = Path.of("src/test/resources/dwpose");
    static final Path VIDEO = Path.of("src/test/resources/video/pose2sim_cam03.mp4");

    /** Person boxes the detector reports that survive NMS and the person filter, as letterboxed cx, cy, w, h. */
    public static final double[] PERSON_A = {168, 336, 192, 480};
    public static final double[] PERSON_B = {300, 100, 40, 80};

    private DwposeTestModels() {
    }

    static int binX(int k) {
        return 40 + (k * 37) % 500;
    }

    static int binY(int k) {
        return 50 + (k * 53) % 660;
    }

    /** min(peak x, peak y) of COCO point k before clamping. */
    static double score(int k) {
        if (k == 0) {
            return 1.1;
        }
        return k % 10 == 9 ? 0.2 : 0.8;
    }

    /**
     * Where COCO point k of a person lands in an image of w x h pixels, for a letterboxed box {cx, cy, bw, bh}:
     * box / r, padding 1.25, short side grown to aspect 0.75, crop location bin / 2 mapped back linearly. The
     * nose (k = 0) sits at bins (40, 50), crop pixel (20, 25).
     */
    public static double[] expectedImagePoint(int k, double[] letterboxedBox, int imageWidth, int imageHeight) {
        double r = Math.min(640.0 / imageHeight, 640.0 / imageWidth);
        double cx = letterboxedBox[0] / r;
        double cy = letterboxedBox[1] / r;
        double w = letterboxedBox[2] / r * 1.25;
        double h = letterboxedBox[3] / r * 1.25;
        if (w / h > 0.75) {
            h = w / 0.75;
        } else {
            w = h * 0.75;
        }
        double cropX = binX(k) / 2.0;
        double cropY = binY(k) / 2.0;
        return new double[] {cx - w / 2 + cropX * w / 288, cy - h / 2 + cropY * h / 384};
    }
}
