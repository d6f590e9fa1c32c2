package org.fvstudio.export;

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

    /** The same image {@code count} times (a reference still, a title card); consumers must not modify it. */
    static FrameSource still(RgbImage image, int count) {
        return new FrameSource() {
            @Override
            public int frameCount() {
                return count;
            }

            @Override
            public int width() {
                return image.width();
            }

            @Override
            public int height() {
                return image.height();
            }

            @Override
            public RgbImage frame(int index) {
                return image;
            }
        };
    }

    /** A source over images already in memory (all of one size). */
    static FrameSource of(java.util.List<RgbImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        java.util.List<RgbImage> frames = java.util.List.copyOf(images);
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).width() != w || frames.get(i).height() != h) {
                throw new IllegalArgumentException("frame " + i + " is " + frames.get(i).width() + "x"
                        + frames.get(i).height() + ", frame 0 is " + w + "x" + h);
            }
        }
        return new FrameSource() {
            @Override
            public int frameCount() {
                return frames.size();
            }

            @Override
            public int width() {
                return w;
            }

            @Override
            public int height() {
                return h;
            }

            @Override
            public RgbImage frame(int index) {
                return frames.get(index);
            }
        };
    }
}
