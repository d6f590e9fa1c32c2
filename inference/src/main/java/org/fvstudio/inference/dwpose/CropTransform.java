package org.fvstudio.inference.dwpose;

import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.render.RgbImage;

/**
 * The affine map between a person box in the image and the estimator's input crop (288 x 384 for DWPose):
 * the box's centre goes to the crop's centre and the box, enlarged by the padding and grown on its short
 * side to the crop's aspect ratio, fills the crop. No rotation, so the map is a scale plus a shift.
 *
 * @param centerX   box centre in image pixels
 * @param centerY   box centre in image pixels
 * @param scaleW    width of the image region the crop covers
 * @param scaleH    height of that region (scaleW / scaleH = cropW / cropH)
 * @param cropW     crop width in pixels
 * @param cropH     crop height in pixels
 */
public record CropTransform(double centerX, double centerY, double scaleW, double scaleH, int cropW, int cropH) {

    public static final double BOX_PADDING = 1.25;
    static final float[] MEAN = {123.675f, 116.28f, 103.53f};
    static final float[] STD = {58.395f, 57.12f, 57.375f};

    public static CropTransform forBox(BoundingBox box, int cropW, int cropH) {
        double w = box.width() * BOX_PADDING;
        double h = box.height() * BOX_PADDING;
        double aspect = (double) cropW / cropH;
        if (w > h * aspect) {
            h = w / aspect;
        } else {
            w = h * aspect;
        }
        return new CropTransform(box.centerX(), box.centerY(), w, h, cropW, cropH);
    }

    /** Pixels of the crop per image pixel. */
    public double zoom() {
        return cropW / scaleW;
    }

    public double toCropX(double imageX) {
        return (imageX - centerX) * zoom() + cropW / 2.0;
    }

    public double toCropY(double imageY) {
        return (imageY - centerY) * zoom() + cropH / 2.0;
    }

    public double toImageX(double cropX) {
        return cropX / cropW * scaleW + centerX - scaleW / 2;
    }

    public double toImageY(double cropY) {
        return cropY / cropH * scaleH + centerY - scaleH / 2;
    }

    /**
     * Warps the image into the crop (bilinear, black outside the image) and writes it normalised with the
     * ImageNet mean and std, planar CHW in RGB order, into {@code chw} (length 3 x cropW x cropH).
     */
    public void writeNormalisedChw(RgbImage image, float[] chw) {
        int plane = cropW * cropH;
        if (chw.length != 3 * plane) {
            throw new IllegalArgumentException("expected a buffer of " + 3 * plane + " floats, got " + chw.length);
        }
        int w = image.width();
        int h = image.height();
        byte[] rgb = image.toRgbBytes();
        // The map has no rotation: source columns depend on u only, rows on v only.
        int[] x0s = new int[cropW];
        float[] fxs = new float[cropW];
        for (int u = 0; u < cropW; u++) {
            double sx = toImageX(u);
            x0s[u] = (int) Math.floor(sx);
            fxs[u] = (float) (sx - x0s[u]);
        }
        float[] sample = new float[3];
        for (int v = 0; v < cropH; v++) {
            double sy = toImageY(v);
            int y0 = (int) Math.floor(sy);
            float fy = (float) (sy - y0);
            for (int u = 0; u < cropW; u++) {
                int x0 = x0s[u];
                float fx = fxs[u];
                sample[0] = 0;
                sample[1] = 0;
                sample[2] = 0;
                accumulate(rgb, w, h, x0, y0, (1 - fx) * (1 - fy), sample);
                accumulate(rgb, w, h, x0 + 1, y0, fx * (1 - fy), sample);
                accumulate(rgb, w, h, x0, y0 + 1, (1 - fx) * fy, sample);
                accumulate(rgb, w, h, x0 + 1, y0 + 1, fx * fy, sample);
                int out = v * cropW + u;
                for (int c = 0; c < 3; c++) {
                    chw[c * plane + out] = (sample[c] - MEAN[c]) / STD[c];
                }
            }
        }
    }

    private static void accumulate(byte[] rgb, int w, int h, int x, int y, float weight, float[] sample) {
        if (weight == 0 || x < 0 || y < 0 || x >= w || y >= h) {
            return; // outside the image: the black border contributes 0
        }
        int i = 3 * (y * w + x);
        sample[0] += (rgb[i] & 0xff) * weight;
        sample[1] += (rgb[i + 1] & 0xff) * weight;
        sample[2] += (rgb[i + 2] & 0xff) * weight;
    }
}
