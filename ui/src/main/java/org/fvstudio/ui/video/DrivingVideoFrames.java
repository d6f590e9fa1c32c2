package org.fvstudio.ui.video;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.fvstudio.inference.job.OutOfMemory;
import org.fvstudio.media.MediaException;
import org.fvstudio.media.BoxShrink;
import org.fvstudio.media.VideoFrameSeeker;
import org.fvstudio.pose.render.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames of a video for the editor's background. {@link #request} answers at once from a small LRU
 * cache; a miss is decoded on one background thread and handed to the caller on the FX thread, unless a
 * newer request has replaced it meanwhile. Requests that pile up while a frame decodes collapse into
 * the newest, so scrubbing never queues work and the caller keeps showing its last frame until the
 * requested one arrives. Frames are shrunk by a whole factor to about the size they are shown at.
 * Use from the FX thread; close it to stop the thread and free the decoder.
 */
public final class DrivingVideoFrames implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 32;

    private static final Logger LOG = LoggerFactory.getLogger(DrivingVideoFrames.class);

    private record Request(VideoFrameKey key, Consumer<Image> onReady) {
    }

    private final FrameLru<VideoFrameKey, Image> cache;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "driving-video-decoder");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    /** What the caller wants now (FX thread); older results are cached but not delivered. */
    private VideoFrameKey wanted;
    private boolean closed;
    // Touched only on the decoder thread.
    private VideoFrameSeeker seeker;
    private volatile Path failedFile;

    public DrivingVideoFrames(int capacity) {
        this.cache = new FrameLru<>(capacity);
    }

    public DrivingVideoFrames() {
        this(DEFAULT_CAPACITY);
    }

    /** The latest decoding problem (a missing or unreadable file), null when none; set on the FX thread. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Frame {@code frame} of {@code file} for a picture shown at most {@code shownWidth} x {@code shownHeight}
     * pixels: the cached image now, or empty, in which case {@code onReady} receives it on the FX thread once
     * decoded (if nothing newer was requested by then).
     */
    public Optional<Image> request(Path file, int frame, int shownWidth, int shownHeight, Consumer<Image> onReady) {
        VideoFrameKey key = new VideoFrameKey(file, Math.max(0, frame), Math.max(1, shownWidth), Math.max(1, shownHeight));
        wanted = key;
        if (closed) {
            return Optional.empty();
        }
        Image hit = cache.get(key);
        if (hit != null) {
            pending.set(null);
            return Optional.of(hit);
        }
        pending.set(new Request(key, onReady));
        if (draining.compareAndSet(false, true)) {
            decoder.execute(this::drain);
        }
        return Optional.empty();
    }

    /** Tries a file again that failed before (it may have been put back). */
    public void retryFailed() {
        if (!closed) {
            decoder.execute(() -> failedFile = null);
        }
        problem.set(null);
    }

    /** Forgets what was wanted: a frame still decoding is cached but not delivered. */
    public void cancelRequest() {
        wanted = null;
        pending.set(null);
    }

    /** Number of frames held in the cache (for tests and the status of the cache). */
    public int cachedFrames() {
        return cache.size();
    }

    private void drain() {
        try {
            Request request;
            while ((request = pending.getAndSet(null)) != null) {
                decode(request);
            }
        } finally {
            draining.set(false);
            // A request that arrived between the last poll and the reset would otherwise wait for the next one.
            if (pending.get() != null && draining.compareAndSet(false, true)) {
                decoder.execute(this::drain);
            }
        }
    }

    private void decode(Request request) {
        VideoFrameKey key = request.key();
        try {
            VideoFrameSeeker open = seekerFor(key.file());
            if (open == null) {
                return;
            }
            RgbImage picture = BoxShrink.shrink(open.frame(key.frame()), key.shrinkFor(open.width(), open.height()));
            Image image = toFxImage(picture);
            Platform.runLater(() -> deliver(key, image, request.onReady()));
        } catch (MediaException e) {
            closeSeeker();
            failedFile = key.file();
            report(e.getMessage());
        } catch (RuntimeException e) {
            closeSeeker();
            LOG.warn("Decoding frame {} of {} failed", key.frame(), key.file(), e);
            report("decoding frame " + key.frame() + " of " + key.file() + " failed unexpectedly; details are in the log file");
        } catch (OutOfMemoryError e) {
            // The frame is dropped with its decoder; the decoding thread stays for the next request.
            closeSeeker();
            failedFile = key.file();
            LOG.error("Decoding frame {} of {} ran out of memory", key.frame(), key.file(), e);
            report(key.file() + ": " + OutOfMemory.describe() + " while decoding frame " + key.frame());
        }
    }

    private void deliver(VideoFrameKey key, Image image, Consumer<Image> onReady) {
        cache.put(key, image);
        if (key.equals(wanted)) {
            onReady.accept(image);
        }
    }

    private VideoFrameSeeker seekerFor(Path file) throws MediaException {
        if (seeker != null && seeker.file().equals(file)) {
            return seeker;
        }
        if (file.equals(failedFile)) {
            return null;
        }
        closeSeeker();
        seeker = VideoFrameSeeker.open(file);
        return seeker;
    }

    private void closeSeeker() {
        if (seeker != null) {
            seeker.close();
            seeker = null;
        }
    }

    private void report(String message) {
        LOG.warn("Driving video: {}", message);
        Platform.runLater(() -> problem.set(message));
    }

    static Image toFxImage(RgbImage picture) {
        WritableImage image = new WritableImage(picture.width(), picture.height());
        int[] argb = new int[picture.width() * picture.height()];
        picture.toArgb(argb);
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(), PixelFormat.getIntArgbInstance(),
                argb, 0, picture.width());
        return image;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.set(null);
        decoder.execute(this::closeSeeker);
        decoder.shutdown();
    }
}
