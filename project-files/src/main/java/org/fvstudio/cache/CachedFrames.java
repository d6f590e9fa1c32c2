package org.fvstudio.cache;

import java.util.Optional;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.MapSource;
import org.fvstudio.pose.render.RgbImage;

/**
 * A range of cached results as export sources: the generated frames, and each reference's correlation maps.
 * Sources made from one instance share the last frame read, so a review video decodes each entry once.
 */
public final class CachedFrames {

    private final RenderCache cache;
    private final int first;
    private final int count;
    private final int width;
    private final int height;
    private int loadedFrame;
    private RenderedFrame loaded;

    private CachedFrames(RenderCache cache, int first, int count, RenderedFrame firstFrame) {
        this.cache = cache;
        this.first = first;
        this.count = count;
        this.width = firstFrame.image().width();
        this.height = firstFrame.image().height();
        this.loadedFrame = first;
        this.loaded = firstFrame;
    }

    /** Frames {@code first} .. {@code first + count - 1}; the first must be stored (it fixes the size). */
    public static CachedFrames of(RenderCache cache, int first, int count) throws ExportException {
        if (count <= 0) {
            throw new IllegalArgumentException("frame count must be positive, got " + count);
        }
        Optional<RenderedFrame> firstFrame = cache.get(first);
        if (firstFrame.isEmpty()) {
            throw notGenerated(cache, first);
        }
        return new CachedFrames(cache, first, count, firstFrame.get());
    }

    public FrameSource generated() {
        return FrameSource.of(count, width, height, index -> {
            RgbImage image = load(index).image();
            if (image.width() != width || image.height() != height) {
                throw new ExportException(cache.folder(), "Frame " + (first + index) + " is " + image.width() + "x"
                        + image.height() + " but frame " + first + " is " + width + "x" + height
                        + "; generate the range again at one size");
            }
            return image;
        });
    }

    /** The map of {@code referenceId} at each frame of the range (index 0 is frame {@code first}). */
    public MapSource correlation(String referenceId) {
        return index -> {
            for (ReferenceResult reference : load(index).references()) {
                if (reference.referenceId().equals(referenceId)) {
                    return reference.correlation();
                }
            }
            throw new ExportException(cache.folder(), "Frame " + (first + index) + " was generated without reference '"
                    + referenceId + "'");
        };
    }

    private synchronized RenderedFrame load(int index) throws ExportException {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("frame index " + index + " outside 0.." + (count - 1));
        }
        int frame = first + index;
        if (frame != loadedFrame) {
            loaded = cache.get(frame).orElseThrow(() -> notGenerated(cache, frame));
            loadedFrame = frame;
        }
        return loaded;
    }

    private static ExportException notGenerated(RenderCache cache, int frame) {
        return new ExportException(cache.folder(), "Frame " + frame + " has not been generated (or its cached result in "
                + cache.folder() + " is damaged); generate it before exporting");
    }
}
