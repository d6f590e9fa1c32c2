package org.fvstudio.ui.generation.pictures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.fvstudio.pose.render.RgbImage;

/**
 * The picture of one generated frame. A small thumbnail is always in memory; the full-size pixels are either
 * kept (when there is nowhere to read them again from) or held by a {@link PictureLru} and read again from the
 * render cache once the budget has dropped them. Identity matters: the LRU keys on the object.
 */
public final class FramePicture {

    /** Reads the full-size picture again (from the render cache). Never called on the FX thread. */
    @FunctionalInterface
    public interface Reload {
        RgbImage read() throws IOException;
    }

    /** Longer side of the thumbnail kept for every frame: the timeline strip and the placeholder while loading. */
    public static final int THUMBNAIL_SIDE = 96;

    private final int width;
    private final int height;
    private final RgbImage thumbnail;
    private final RgbImage kept;
    private final Reload reload;
    private final PictureLru lru;

    private FramePicture(int width, int height, RgbImage thumbnail, RgbImage kept, Reload reload, PictureLru lru) {
        this.width = width;
        this.height = height;
        this.thumbnail = thumbnail;
        this.kept = kept;
        this.reload = reload;
        this.lru = lru;
    }

    /** A picture kept in memory for as long as its frame is shown. */
    public static FramePicture kept(RgbImage image) {
        return new FramePicture(image.width(), image.height(), Thumbnails.boxAverage(image, THUMBNAIL_SIDE), image,
                null, null);
    }

    /**
     * This picture, from now on held by {@code lru} and read again through {@code reload} once dropped (once
     * its pixels are stored where {@code reload} reads them).
     */
    public FramePicture reloadable(Reload reload, PictureLru lru) {
        RgbImage image = full();
        FramePicture picture = new FramePicture(width, height, thumbnail, null, reload, lru);
        lru.put(picture, image);
        return picture;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public RgbImage thumbnail() {
        return thumbnail;
    }

    /** The full-size pixels if they are in memory now; never reads. */
    public Optional<RgbImage> resident() {
        return kept != null ? Optional.of(kept) : lru.get(this);
    }

    /**
     * The full-size pixels, read again when they were dropped (blocking: a background thread's call).
     *
     * @throws UncheckedIOException when they can no longer be read (the render cache evicted them)
     */
    public RgbImage full() {
        Optional<RgbImage> now = resident();
        if (now.isPresent()) {
            return now.get();
        }
        try {
            RgbImage image = reload.read();
            lru.put(this, image);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
