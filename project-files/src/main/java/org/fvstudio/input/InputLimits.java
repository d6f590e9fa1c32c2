package org.fvstudio.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest inputs FV Studio reads, and the checks that refuse anything larger before it is decoded or parsed.
 * Every reader of pictures, videos, project files, pose files, BVH files and model packs asks here; the reasons
 * for each number are in docs/RELIABILITY.md.
 */
public final class InputLimits {

    /** A picture may be at most this wide and this high... */
    public static final int IMAGE_MAX_SIDE = 16_384;
    /** ...and hold at most this many pixels (an 8000x6000 camera photo holds 48 million). */
    public static final long IMAGE_MAX_PIXELS = 100_000_000L;
    /** A picture file may weigh at most this much. */
    public static final long IMAGE_MAX_BYTES = 256L << 20;
    /**
     * Reference photos and pictures for pose detection are decoded with at most this many pixels on their long side
     * (integer subsampling while decoding): the bundled pack works at 128 px and DWPose's detector at 640 px.
     */
    public static final int WORKING_MAX_SIDE = 2048;

    /** A video frame may be at most this wide and this high (8K)... */
    public static final int VIDEO_MAX_SIDE = 8192;
    /** ...and hold at most this many pixels (8192x4320). Video files are streamed, so their size in bytes is free. */
    public static final long VIDEO_MAX_PIXELS = 8192L * 4320;

    /** project.json and its autosave. */
    public static final long PROJECT_JSON_MAX_BYTES = 256L << 20;
    /** One OpenPose JSON file (a frame, or a whole sequence in one array). */
    public static final long POSE_JSON_MAX_BYTES = 64L << 20;
    /** A frame sequence read from OpenPose files or a BVH file, after resampling to the project's frame rate. */
    public static final int SEQUENCE_MAX_FRAMES = 100_000;
    /** One BVH file. */
    public static final long BVH_MAX_BYTES = 64L << 20;
    /** The frames a BVH file may declare in its MOTION section. */
    public static final int BVH_MAX_FRAMES = 1_000_000;
    /** Joints nested in one another in a BVH hierarchy; human rigs with fingers are 10 to 15 deep. */
    public static final int BVH_MAX_DEPTH = 256;
    /** A model pack's pack.json. */
    public static final long PACK_JSON_MAX_BYTES = 1L << 20;
    /** The render cache's index.json and each entry.json. */
    public static final long CACHE_JSON_MAX_BYTES = 16L << 20;
    /** Preferences, recent projects, window layout. */
    public static final long SETTINGS_JSON_MAX_BYTES = 1L << 20;

    /** Keyframes in one track (a person of the target, the camera, the orbit). */
    public static final int TRACK_MAX_KEYFRAMES = 100_000;
    /**
     * Pose keyframes of all people together. A pose is 134 points held as 402 doubles, 3.2 KB, and a project lives
     * several times over in the undo history; 200 000 poses take 650 MB of the launcher's 4 GB heap. Two people
     * keyed on every frame of 40 minutes at 24 fps fit (115 200 each would not).
     */
    public static final int POSE_KEYFRAMES_MAX = 200_000;
    /**
     * Reference tokens kept per bank and frame (a project's token_budget, a pack's top_k). Every reference of a
     * 16x16 bank offers 256 tokens, so 65 536 is all of them for 256 references; more only pads with zero tokens,
     * at K x channels floats a bank (a top_k of 2e9 asked for an array the VM cannot make).
     */
    public static final int TOKEN_BUDGET_MAX = 65_536;
    /** Largest magnitude of a keypoint coordinate, camera pivot or pan, in pixels, and of a BVH channel value. */
    public static final double MAX_COORDINATE = 1_000_000;

    /** What is said of a JSON number beyond a double's range (1e309 reads as infinity): too large, whatever the field. */
    public static final String NUMBER_TOO_LARGE = "a number too large to hold (beyond 1.8e308)";

    private InputLimits() {
    }

    /**
     * Refuses {@code file} when it is larger than {@code maxBytes}.
     *
     * @param kind what the file is, for the message: "a project file", "a BVH file"
     */
    public static void checkFileSize(Path file, long maxBytes, String kind) throws IOException {
        checkFileSize(file, String.valueOf(file), maxBytes, kind);
    }

    /** Like {@link #checkFileSize(Path, long, String)}, naming the file {@code name} in the message. */
    public static void checkFileSize(Path file, String name, long maxBytes, String kind) throws IOException {
        FileKinds.requireReadableFile(file, name);
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InputTooLargeException(name, "weighs " + bytes(size) + ", more than the " + bytes(maxBytes)
                    + " FV Studio reads for " + kind);
        }
    }

    /** Refuses a picture whose header declares more than {@link #IMAGE_MAX_SIDE} a side or {@link #IMAGE_MAX_PIXELS}. */
    public static void checkImageSize(String name, int width, int height) throws IOException {
        checkPixels(name, width, height, IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS, "a picture");
    }

    /** Refuses a video whose stream declares frames above {@link #VIDEO_MAX_SIDE} or {@link #VIDEO_MAX_PIXELS}. */
    public static void checkVideoSize(String name, int width, int height) throws IOException {
        checkPixels(name, width, height, VIDEO_MAX_SIDE, VIDEO_MAX_PIXELS, "a video frame");
    }

    /** Refuses a count of {@code what} above {@code max}, e.g. keyframes in a track. */
    public static void checkCount(String name, long count, long max, String what) throws InputTooLargeException {
        if (count > max) {
            throw new InputTooLargeException(name, count + " " + what + ", more than the " + max + " FV Studio reads");
        }
    }

    /**
     * The subsampling factor (1 = every pixel) that brings a {@code width} x {@code height} picture to at most
     * {@code maxSide} on both sides.
     */
    public static int subsampling(int width, int height, int maxSide) {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive, got " + maxSide);
        }
        int longSide = Math.max(width, height);
        return longSide <= maxSide ? 1 : (longSide + maxSide - 1) / maxSide;
    }

    /** "1.5 MB", "300 bytes": binary megabytes, as file managers show them. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        double mb = bytes / (double) (1L << 20);
        return mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb) : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static void checkPixels(String name, int width, int height, int maxSide, long maxPixels, String what)
            throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IOException(name + ": declares " + width + "x" + height + " pixels, an impossible size for " + what);
        }
        long pixels = (long) width * height;
        if (width > maxSide || height > maxSide || pixels > maxPixels) {
            throw new InputTooLargeException(name, "declares " + width + "x" + height + " pixels ("
                    + megapixels(pixels) + "), more than the " + maxSide + " px a side and " + megapixels(maxPixels)
                    + " FV Studio reads for " + what);
        }
    }

    private static String megapixels(long pixels) {
        double mp = pixels / 1e6;
        return (mp == Math.rint(mp) ? String.format(Locale.ROOT, "%.0f", mp) : String.format(Locale.ROOT, "%.1f", mp))
                + " megapixels";
    }
}
