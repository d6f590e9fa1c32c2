package org.fvstudio.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fvstudio.export.FloatMap;
import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.input.InputLimits;
import org.fvstudio.input.JsonFiles;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.export.Images;
import org.fvstudio.pose.render.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated frames kept in a project bundle's {@code cache/} folder, content-addressed by {@link CacheKey}.
 * <pre>
 * cache/index.json              frame number -> key of the result currently shown for it
 * cache/entries/KEY/entry.json  sizes, checksums, map ranges, shares, token selections, settings, stats
 * cache/entries/KEY/frame.png   the frame;  map-N.png  the N-th reference's map as 16-bit greyscale
 * cache/tmp/                    staging; emptied on open
 * </pre>
 * Every write goes to a staging folder or temporary file first and is renamed into place, so a crash leaves
 * either the old or the new state, never a half-written entry; the project file itself is never touched.
 * An entry that fails its checksums is ignored with a warning and its frame counts as stale. Entries no frame
 * refers to any more stay (an undo can bring them back) until the size limit evicts the least recently used.
 * Thread-safe: a generation job may write while the UI reads.
 */
public final class RenderCache {

    private static final Logger LOG = LoggerFactory.getLogger(RenderCache.class);
    private static final String INDEX_FORMAT = "fvstudio-render-cache-index";
    private static final String ENTRY_FORMAT = "fvstudio-render-cache-entry";
    private static final int VERSION = 1;
    private static final String ENTRY_FILE = "entry.json";
    private static final String FRAME_FILE = "frame.png";
    private static final int MAX_WARNINGS = 200;

    /** A default for the preferences: results no frame uses any more are trimmed above this size. */
    public static final long DEFAULT_SIZE_LIMIT = 2L << 30;

    private final Path folder;
    private final Path entries;
    private final Path staging;
    private final Path indexFile;
    private final SortedMap<Integer, CacheKey> index = new TreeMap<>();
    private final Map<CacheKey, Long> entrySizes = new HashMap<>();
    private final Map<CacheKey, Long> lastUsed = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private long sizeLimit;
    private long clock;

    private RenderCache(Path folder, long sizeLimit) {
        this.folder = folder;
        this.entries = folder.resolve("entries");
        this.staging = folder.resolve("tmp");
        this.indexFile = folder.resolve("index.json");
        this.sizeLimit = sizeLimit;
    }

    /**
     * Opens (creating if needed) the cache in {@code folder}, restoring what an earlier session stored.
     *
     * @param sizeLimitBytes the size above which unreferenced entries are evicted, least recently used first
     */
    public static RenderCache open(Path folder, long sizeLimitBytes) throws CacheException {
        if (sizeLimitBytes < 0) {
            throw new IllegalArgumentException("size limit must be >= 0, got " + sizeLimitBytes);
        }
        RenderCache cache = new RenderCache(folder, sizeLimitBytes);
        try {
            Files.createDirectories(cache.entries);
            Files.createDirectories(cache.staging);
        } catch (IOException e) {
            throw new CacheException(folder, "Cannot create the render cache in " + folder + ": " + reason(e), e);
        }
        synchronized (cache) {
            cache.removeStaging();
            cache.scanEntries();
            cache.readIndex();
            cache.evict();
        }
        return cache;
    }

    public Path folder() {
        return folder;
    }

    /** Stores the result for {@code frame} under {@code key} and makes it the frame's current result. */
    public synchronized void put(int frame, CacheKey key, RenderedFrame result) throws CacheException {
        checkFrame(frame);
        Path entry = entries.resolve(key.hex());
        if (!entrySizes.containsKey(key) || !Files.isRegularFile(entry.resolve(ENTRY_FILE))) {
            writeEntry(key, result);
        }
        index.put(frame, key);
        touch(key);
        writeIndex();
        evict();
    }

    /** The current result of {@code frame}, if one is stored and intact. */
    public synchronized Optional<RenderedFrame> get(int frame) {
        CacheKey key = index.get(frame);
        if (key == null) {
            return Optional.empty();
        }
        Optional<RenderedFrame> result = load(key);
        if (result.isEmpty()) {
            index.remove(frame);
            writeIndexQuietly();
        }
        return result;
    }

    /**
     * The result stored for {@code key} (for example after an undo brought back earlier inputs), which then
     * becomes the current result of {@code frame}; nothing is computed.
     */
    public synchronized Optional<RenderedFrame> restore(int frame, CacheKey key) {
        checkFrame(frame);
        Optional<RenderedFrame> result = load(key);
        if (result.isPresent() && !key.equals(index.get(frame))) {
            index.put(frame, key);
            writeIndexQuietly();
        }
        return result;
    }

    /** True unless the frame's current result was made from exactly {@code currentKey} and is still stored. */
    public synchronized boolean isStale(int frame, CacheKey currentKey) {
        return !currentKey.equals(index.get(frame)) || !entrySizes.containsKey(currentKey);
    }

    /** The frames among {@code currentKeys} whose stored result is missing or was made from other inputs. */
    public synchronized List<Integer> staleFrames(Map<Integer, CacheKey> currentKeys) {
        List<Integer> stale = new ArrayList<>();
        new TreeMap<>(currentKeys).forEach((frame, key) -> {
            if (isStale(frame, key)) {
                stale.add(frame);
            }
        });
        return stale;
    }

    public synchronized Optional<CacheKey> keyOf(int frame) {
        return Optional.ofNullable(index.get(frame));
    }

    /** Frame numbers with a current result. */
    public synchronized List<Integer> frames() {
        return List.copyOf(index.keySet());
    }

    public synchronized int entryCount() {
        return entrySizes.size();
    }

    /** Bytes used by the stored entries. */
    public synchronized long sizeBytes() {
        return entrySizes.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long sizeLimit() {
        return sizeLimit;
    }

    public synchronized void setSizeLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("size limit must be >= 0, got " + bytes);
        }
        sizeLimit = bytes;
        evict();
    }

    /** Removes every stored result. */
    public synchronized void clear() throws CacheException {
        index.clear();
        writeIndex();
        for (CacheKey key : List.copyOf(entrySizes.keySet())) {
            deleteEntry(key);
        }
        try (Stream<Path> rest = Files.list(entries)) {
            for (Path path : rest.toList()) {
                deleteTree(path);
            }
        } catch (IOException e) {
            throw new CacheException(entries, "Cannot clear the render cache in " + entries + ": " + reason(e), e);
        }
    }

    /** Problems met so far (corrupted entries, unreadable index), oldest first; the latest 200 are kept. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    // ---- entries

    private void writeEntry(CacheKey key, RenderedFrame result) throws CacheException {
        Path stage = null;
        try {
            stage = Files.createTempDirectory(staging, key.hex().substring(0, 16) + ".");
            ObjectNode json = JsonObjects.MAPPER.createObjectNode();
            json.put("format", ENTRY_FORMAT);
            json.put("version", VERSION);
            json.put("key", key.hex());
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            PngImages.write(result.image(), png);
            ObjectNode image = json.putObject("image");
            image.put("width", result.image().width());
            image.put("height", result.image().height());
            writeFile(stage, FRAME_FILE, png.toByteArray(), image);
            ArrayNode references = json.putArray("references");
            for (int i = 0; i < result.references().size(); i++) {
                ReferenceResult reference = result.references().get(i);
                FloatMap map = reference.correlation();
                float min = map.min();
                float max = map.max();
                ObjectNode node = references.addObject();
                node.put("id", reference.referenceId());
                node.put("share", reference.share());
                ObjectNode mapNode = node.putObject("map");
                mapNode.put("width", map.width());
                mapNode.put("height", map.height());
                mapNode.put("min", min);
                mapNode.put("max", max);
                writeFile(stage, "map-" + i + ".png", Map16Codec.encode(map, min, max), mapNode);
            }
            ArrayNode selections = json.putArray("selections");
            for (TokenSelection selection : result.selections()) {
                ObjectNode node = selections.addObject();
                node.put("bank", selection.bank());
                node.putArray("grid").add(selection.gridHeight()).add(selection.gridWidth());
                ArrayNode indices = node.putArray("indices");
                for (int index : selection.indices()) {
                    indices.add(index);
                }
                ArrayNode scores = node.putArray("scores");
                for (float score : selection.scores()) {
                    scores.add(score);
                }
            }
            json.set("settings", JsonObjects.MAPPER.readTree(result.settingsJson()));
            json.set("stats", JsonObjects.MAPPER.readTree(result.statsJson()));
            Files.write(stage.resolve(ENTRY_FILE), JsonObjects.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));

            Path target = entries.resolve(key.hex());
            if (Files.exists(target)) {
                deleteTree(target); // a damaged earlier copy of the same key
            }
            move(stage, target);
            stage = null;
            entrySizes.put(key, treeSize(target));
        } catch (IOException e) {
            throw new CacheException(folder, "Cannot store frame " + key + " in the render cache " + folder + ": "
                    + reason(e), e);
        } finally {
            if (stage != null) {
                deleteTreeQuietly(stage);
            }
        }
    }

    private static void writeFile(Path stage, String name, byte[] bytes, ObjectNode describe) throws IOException {
        Files.write(stage.resolve(name), bytes);
        describe.put("file", name);
        describe.put("bytes", bytes.length);
        describe.put("sha256", CacheKeyBuilder.sha256Hex(bytes));
    }

    private Optional<RenderedFrame> load(CacheKey key) {
        Path entry = entries.resolve(key.hex());
        if (!entrySizes.containsKey(key)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JsonFiles.readTree(entry.resolve(ENTRY_FILE), ENTRY_FILE, InputLimits.CACHE_JSON_MAX_BYTES,
                    "a render cache entry");
            if (json == null) {
                throw new IOException(ENTRY_FILE + " is empty");
            }
            if (ENTRY_FORMAT.equals(json.path("format").asText()) && json.path("version").asInt() > VERSION) {
                // written by a newer FV Studio sharing this project: leave it for that version
                warn("Skipping render cache entry " + entry + ": written by a newer version of FV Studio");
                return Optional.empty();
            }
            if (!ENTRY_FORMAT.equals(json.path("format").asText()) || json.path("version").asInt() != VERSION) {
                throw new IOException("not a version " + VERSION + " cache entry");
            }
            if (!key.hex().equals(json.path("key").asText())) {
                throw new IOException("entry.json names key " + json.path("key").asText());
            }
            JsonNode imageNode = json.path("image");
            byte[] png = readChecked(entry, imageNode);
            RgbImage image = decodeImage(png, imageNode.path("width").asInt(), imageNode.path("height").asInt());
            List<ReferenceResult> references = new ArrayList<>();
            for (JsonNode node : json.path("references")) {
                JsonNode mapNode = node.path("map");
                FloatMap map = Map16Codec.decode(readChecked(entry, mapNode), mapNode.path("width").asInt(),
                        mapNode.path("height").asInt(), (float) mapNode.path("min").asDouble(),
                        (float) mapNode.path("max").asDouble());
                references.add(new ReferenceResult(node.path("id").asText(), map, node.path("share").asDouble()));
            }
            List<TokenSelection> selections = new ArrayList<>();
            for (JsonNode node : json.path("selections")) {
                JsonNode indexNodes = node.path("indices");
                int[] indices = new int[indexNodes.size()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = indexNodes.get(i).asInt();
                }
                JsonNode scoreNodes = node.path("scores");
                float[] scores = new float[scoreNodes.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = (float) scoreNodes.get(i).asDouble();
                }
                selections.add(new TokenSelection(node.path("bank").asText(), node.path("grid").path(0).asInt(),
                        node.path("grid").path(1).asInt(), indices, scores));
            }
            RenderedFrame result = new RenderedFrame(image, references, selections,
                    JsonObjects.MAPPER.writeValueAsString(json.path("settings")),
                    JsonObjects.MAPPER.writeValueAsString(json.path("stats")));
            touch(key);
            return Optional.of(result);
        } catch (IOException | RuntimeException e) {
            warn("Ignoring corrupted render cache entry " + entry + ": " + reason(e) + "; the frame will be generated again");
            deleteEntry(key);
            return Optional.empty();
        }
    }

    private static byte[] readChecked(Path entry, JsonNode describe) throws IOException {
        String name = describe.path("file").asText();
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IOException("invalid file name '" + name + "' in entry.json");
        }
        long declared = describe.path("bytes").asLong(-1);
        if (declared < 0 || declared > InputLimits.IMAGE_MAX_BYTES || Files.size(entry.resolve(name)) != declared) {
            throw new IOException(name + " does not have the size entry.json states");
        }
        byte[] bytes = Files.readAllBytes(entry.resolve(name));
        if (bytes.length != declared
                || !CacheKeyBuilder.sha256Hex(bytes).equals(describe.path("sha256").asText())) {
            throw new IOException(name + " does not match its checksum");
        }
        return bytes;
    }

    private static RgbImage decodeImage(byte[] png, int width, int height) throws IOException {
        var header = BoundedImageReader.header(png, "frame.png");
        if (header.isEmpty() || header.get().width() != width || header.get().height() != height) {
            throw new IOException("frame.png is not a " + width + "x" + height + " image");
        }
        return Images.fromBufferedImage(BoundedImageReader.read(png, "frame.png", BoundedImageReader.FULL_SIZE).image());
    }

    private void deleteEntry(CacheKey key) {
        entrySizes.remove(key);
        lastUsed.remove(key);
        deleteTreeQuietly(entries.resolve(key.hex()));
    }

    private void touch(CacheKey key) {
        long now = Math.max(System.currentTimeMillis(), clock + 1);
        clock = now;
        lastUsed.put(key, now);
        try {
            Files.setLastModifiedTime(entries.resolve(key.hex()).resolve(ENTRY_FILE), FileTime.fromMillis(now));
        } catch (IOException e) {
            LOG.debug("cannot record use of cache entry {}", key, e);
        }
    }

    /** Deletes unreferenced entries, least recently used first, until the cache fits its limit. */
    private void evict() {
        long size = sizeBytes();
        if (size <= sizeLimit) {
            return;
        }
        Set<CacheKey> referenced = new HashSet<>(index.values());
        List<CacheKey> candidates = entrySizes.keySet().stream()
                .filter(k -> !referenced.contains(k))
                .sorted(Comparator.comparingLong(k -> lastUsed.getOrDefault(k, 0L)))
                .toList();
        Iterator<CacheKey> it = candidates.iterator();
        while (size > sizeLimit && it.hasNext()) {
            CacheKey key = it.next();
            size -= entrySizes.get(key);
            deleteEntry(key);
        }
    }

    // ---- opening

    private void scanEntries() throws CacheException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(entries)) {
            for (Path dir : dirs) {
                CacheKey key;
                try {
                    key = new CacheKey(dir.getFileName().toString());
                } catch (IllegalArgumentException notAKey) {
                    warn("Ignoring " + dir + " in the render cache: not a cache entry");
                    continue;
                }
                Path entryFile = dir.resolve(ENTRY_FILE);
                if (!Files.isRegularFile(entryFile)) {
                    warn("Ignoring render cache entry " + dir + ": it has no " + ENTRY_FILE);
                    deleteTreeQuietly(dir);
                    continue;
                }
                entrySizes.put(key, treeSize(dir));
                lastUsed.put(key, Files.getLastModifiedTime(entryFile).toMillis());
            }
        } catch (IOException e) {
            throw new CacheException(entries, "Cannot read the render cache in " + entries + ": " + reason(e), e);
        }
        clock = lastUsed.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private void readIndex() {
        if (!Files.exists(indexFile)) {
            return;
        }
        try {
            JsonNode json = JsonFiles.readTree(indexFile, indexFile.toString(), InputLimits.CACHE_JSON_MAX_BYTES,
                    "a render cache index");
            if (json == null || !INDEX_FORMAT.equals(json.path("format").asText())) {
                throw new IOException("not a render cache index");
            }
            if (json.path("version").asInt() != VERSION) {
                throw new IOException("unknown version " + json.path("version"));
            }
            var fields = json.path("frames").fields();
            while (fields.hasNext()) {
                var field = fields.next();
                int frame = Integer.parseInt(field.getKey());
                CacheKey key = new CacheKey(field.getValue().asText());
                if (entrySizes.containsKey(key)) {
                    index.put(frame, key);
                } else {
                    warn("Render cache index " + indexFile + " names frame " + frame + " entry " + key
                            + ", which is missing; the frame will be generated again");
                }
            }
        } catch (IOException | RuntimeException e) {
            index.clear();
            warn("Ignoring the render cache index " + indexFile + ": " + reason(e)
                    + "; stored frames must be generated again");
        }
    }

    private void removeStaging() {
        try (Stream<Path> leftovers = Files.list(staging)) {
            leftovers.forEach(RenderCache::deleteTreeQuietly);
        } catch (IOException e) {
            LOG.debug("cannot empty {}", staging, e);
        }
    }

    // ---- index

    private void writeIndex() throws CacheException {
        ObjectNode json = JsonObjects.MAPPER.createObjectNode();
        json.put("format", INDEX_FORMAT);
        json.put("version", VERSION);
        ObjectNode frames = json.putObject("frames");
        index.forEach((frame, key) -> frames.put(Integer.toString(frame), key.hex()));
        Path temp = null;
        try {
            temp = Files.createTempFile(staging, "index.", ".json");
            Files.write(temp, JsonObjects.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
            move(temp, indexFile);
            temp = null;
        } catch (IOException e) {
            throw new CacheException(indexFile, "Cannot write the render cache index " + indexFile + ": " + reason(e), e);
        } finally {
            if (temp != null) {
                deleteTreeQuietly(temp);
            }
        }
    }

    private void writeIndexQuietly() {
        try {
            writeIndex();
        } catch (CacheException e) {
            warn(e.getMessage());
        }
    }

    // ---- helpers

    private void warn(String message) {
        LOG.warn(message);
        if (warnings.size() == MAX_WARNINGS) {
            warnings.remove(0);
        }
        warnings.add(message);
    }

    private static void checkFrame(int frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("frame must be >= 0, got " + frame);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static void deleteTree(Path path) throws IOException {
        org.fvstudio.project.io.TemporaryFiles.deleteTree(path);
    }

    private static void deleteTreeQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", path, e);
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
