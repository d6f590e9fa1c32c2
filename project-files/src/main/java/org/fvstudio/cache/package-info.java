/**
 * The render cache in a project bundle's {@code cache/} folder: generated frames with their correlation maps,
 * token selections, settings and stats, content-addressed by a SHA-256 {@link org.fvstudio.cache.CacheKey} of
 * everything that determines them ({@link org.fvstudio.cache.CacheKeyBuilder}, {@link org.fvstudio.cache.FrameKeys}),
 * so that an edit marks exactly the frames whose inputs changed as stale and reopening restores the rest.
 */
package org.fvstudio.cache;
