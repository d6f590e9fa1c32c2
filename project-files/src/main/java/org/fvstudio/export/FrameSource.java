package org.fvstudio.export;

import java.util.List;

import org.fvstudio.pose.render.RgbImage;

/**
 * Frames to export, produced one at a time so that long sequences never sit in memory.
 * Every frame of one source has the same size.
 */
public interface FrameSource {

    int frameCount();

    int width();

    int height();

    /**
     * Frame {@code index} in [0, frameCount()), exactly width() x height(). The image may be shared with the
     * source: consumers must not modify it.
     */
    RgbImage frame(int index) throws ExportException;

    /** Makes frame {@code index} of a source. */
    @FunctionalInterface
    interface Frames {
        RgbImage frame(int index) throws ExportException;
    }

    /** {@code frameCount} frames of {@code width} x {@code height}, made on demand by {@code frames}. */
    static FrameSource of(int frameCount, int width, int height, Frames frames) {
        return new FrameSource() {
            @Override
            public int frameCount() {
                return frameCount;
            }

            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public RgbImage frame(int index) throws ExportException {
                return frames.frame(index);
            }
        };
    }

    /**
     * Like {@link #of(int, int, int, Frames)} for images that may come in other sizes: those are resampled
     * to {@code width} x {@code height}, the others passed on as they are.
     */
    static FrameSource fitted(int frameCount, int width, int height, Frames frames) {
        return of(frameCount, width, height, index -> {
            RgbImage image = frames.frame(index);
            return image.width() == width && image.height() == height ? image : Images.scaledTo(image, width, height);
        });
    }

    /** The same image {@code count} times (a reference still, a title card); consumers must not modify it. */
    static FrameSource still(RgbImage image, int count) {
        return of(count, image.width(), image.height(), index -> image);
    }

    /** A source over images already in memory (all of one size). */
    static FrameSource of(List<RgbImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        List<RgbImage> frames = List.copyOf(images);
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).width() != w || frames.get(i).height() != h) {
                throw new IllegalArgumentException("frame " + i + " is " + frames.get(i).width() + "x"
                        + frames.get(i).height() + ", frame 0 is " + w + "x" + h);
            }
        }
        return of(frames.size(), w, h, frames::get);
    }
}
