package org.fvstudio.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Feeds the pieces that determine a frame into SHA-256 in a canonical, unambiguous encoding: every piece is
 * a type tag, its name and its value with explicit lengths, so ("ab","c") and ("a","bc") differ, doubles are
 * hashed by their IEEE bits with -0.0 folded onto 0.0 and a single NaN, and nothing depends on locale or
 * on how a number would be printed. The order of the calls is part of the key.
 */
public final class CacheKeyBuilder {

    private static final byte TEXT = 1;
    private static final byte INTEGER = 2;
    private static final byte NUMBER = 3;
    private static final byte BYTES = 4;
    private static final byte NUMBERS = 5;
    private static final byte POSE = 6;
    private static final byte SECTION = 7;

    private final MessageDigest digest = sha256();

    public CacheKeyBuilder() {
        text("fvstudio-render-cache-key", "2");
    }

    public CacheKeyBuilder text(String name, String value) {
        tag(TEXT, name);
        string(value == null ? "\u0000null" : value);
        return this;
    }

    public CacheKeyBuilder integer(String name, long value) {
        tag(INTEGER, name);
        putLong(value);
        return this;
    }

    public CacheKeyBuilder number(String name, double value) {
        tag(NUMBER, name);
        putDouble(value);
        return this;
    }

    public CacheKeyBuilder numbers(String name, double... values) {
        tag(NUMBERS, name);
        putLong(values.length);
        for (double value : values) {
            putDouble(value);
        }
        return this;
    }

    public CacheKeyBuilder bytes(String name, byte[] value) {
        tag(BYTES, name);
        putLong(value.length);
        digest.update(value);
        return this;
    }

    /** Starts a named group (e.g. one reference), so pieces of different groups never run together. */
    public CacheKeyBuilder section(String name) {
        tag(SECTION, name);
        return this;
    }

    /**
     * Canvas size, then each person's 134 keypoints (x, y, confidence) in order. A missing keypoint
     * (confidence 0) is hashed as (0, 0, 0): its coordinates never reach the model, and project files do not
     * keep them (a part without any present point is not written), so a save and reopen must not change the key.
     */
    public CacheKeyBuilder pose(String name, Pose pose) {
        tag(POSE, name);
        putLong(pose.canvasWidth());
        putLong(pose.canvasHeight());
        putLong(pose.people().size());
        for (PersonPose person : pose.people()) {
            double[] flat = person.toFlat();
            putLong(flat.length);
            for (int i = 0; i < flat.length; i += 3) {
                boolean missing = flat[i + 2] == 0;
                putDouble(missing ? 0 : flat[i]);
                putDouble(missing ? 0 : flat[i + 1]);
                putDouble(flat[i + 2]);
            }
        }
        return this;
    }

    public CacheKey build() {
        return new CacheKey(HexFormat.of().formatHex(digest.digest()));
    }

    /** SHA-256 of a file's bytes, in hex: the identity of a reference image. */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest fileDigest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                fileDigest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(fileDigest.digest());
    }

    /** SHA-256 of bytes, in hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private void tag(byte type, String name) {
        digest.update(type);
        string(name);
    }

    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putLong(utf8.length);
        digest.update(utf8);
    }

    private void putDouble(double v) {
        double canonical = v == 0.0 ? 0.0 : v; // folds -0.0 onto 0.0
        putLong(Double.doubleToLongBits(canonical)); // doubleToLongBits already collapses every NaN to one
    }

    private void putLong(long v) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(v).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
