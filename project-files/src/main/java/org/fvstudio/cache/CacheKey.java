package org.fvstudio.cache;

import java.util.regex.Pattern;

/** The SHA-256 (lower-case hex) of everything that determines one generated frame. */
public record CacheKey(String hex) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public CacheKey {
        if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a cache key is 64 lower-case hex digits, got " + hex);
        }
    }

    @Override
    public String toString() {
        return hex.substring(0, 12);
    }
}
