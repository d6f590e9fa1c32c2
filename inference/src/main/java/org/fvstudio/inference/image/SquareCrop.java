package org.fvstudio.inference.image;

import org.fvstudio.pose.render.RgbImage;

/**
 * A square region of a picture, in whole picture pixels, that may reach past its edges (those pixels are black),
 * resized to the network's side with Pillow's bilinear filter (the one MoveNet's TF.js reference was fed with,
 * tools/tfjs2onnx/README.md). MoveNet sees the whole picture first (the square around it, centred), then a
 * tighter square around the person it found; BlazePose gets such a square around each person.
 */
public record SquareCrop(int left, int top, int size) {

    public SquareCrop {
        if (size < 1) {
            throw new IllegalArgumentException("crop size must be positive, got " + size);
        }
    }

    /** The square that holds the whole picture, the picture centred in it (Python's integer-division padding). */
    public static SquareCrop around(int width, int height) {
        int size = Math.max(width, height);
        return new SquareCrop(-((size - width) / 2), -((size - height) / 2), size);
    }

    /** A square of about {@code size} centred on ({@code cx}, {@code cy}), on whole pixels. */
    public static SquareCrop centredOn(double cx, double cy, double size) {
        int side = Math.max(1, (int) Math.round(size));
        return new SquareCrop((int) Math.round(cx - side / 2.0), (int) Math.round(cy - side / 2.0), side);
    }

    public double pictureX(double normalisedX) {
        return left + normalisedX * size;
    }

    public double pictureY(double normalisedY) {
        return top + normalisedY * size;
    }

    /** Writes the crop as side x side RGB values 0..255 in NHWC order into {@code out}. */
    public void writeNhwc(RgbImage image, int side, int[] out) {
        if (out.length != side * side * 3) {
            throw new IllegalArgumentException("expected a buffer of " + side * side * 3 + " values, got " + out.length);
        }
        byte[] resized = ImageTensors.resize(cut(image), side, side).toRgbBytes();
        for (int i = 0; i < resized.length; i++) {
            out[i] = resized[i] & 0xff;
        }
    }

    /** The square at picture resolution, black where it lies outside the picture. */
    public RgbImage cut(RgbImage image) {
        int[] src = image.packedPixels();
        RgbImage square = new RgbImage(size, size);
        int[] dst = square.packedPixels();
        int fromX = Math.max(0, left);
        int toX = Math.min(image.width(), left + size);
        if (fromX < toX) {
            for (int y = Math.max(0, top); y < Math.min(image.height(), top + size); y++) {
                System.arraycopy(src, y * image.width() + fromX, dst, (y - top) * size + fromX - left, toX - fromX);
            }
        }
        return square;
    }
}
