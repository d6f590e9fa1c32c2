package org.fvstudio.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.fvstudio.pose.render.RgbImage;

/** Copies a grabber's RGB24 frame into an {@link RgbImage}. */
final class FrameConversion {

    private FrameConversion() {
    }

    static RgbImage toRgb(Path file, Frame frame) throws MediaException {
        // The grabber converts to RGB24; imageChannels is not trusted because JavaCV reports 4 for
        // sources with alpha (e.g. WebP) even though the rows hold packed RGB.
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int rowBytes = 3 * w;
        if (frame.imageDepth != Frame.DEPTH_UBYTE || frame.imageStride < rowBytes) {
            throw new MediaException(file, "decoder delivered depth " + frame.imageDepth + " with row stride "
                    + frame.imageStride + " instead of 8-bit RGB rows of " + rowBytes + " bytes");
        }
        byte[] rgb = new byte[rowBytes * h];
        ByteBuffer data = ((ByteBuffer) frame.image[0]).duplicate();
        int stridePerRow = frame.imageStride;
        for (int y = 0; y < h; y++) {
            data.position(y * stridePerRow);
            data.get(rgb, y * rowBytes, rowBytes);
        }
        return RgbImage.ofRgbBytes(w, h, rgb);
    }

    /** Closes a decoder; nothing more can be done about one that fails to shut down, its memory is released either way. */
    static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // the decoder is gone either way
        }
    }
}
