package org.fvstudio.app.farm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.CacheKeyBuilder;
import org.fvstudio.project.io.TemporaryFiles;

/**
 * The {@code --out} folder of {@code fvstudio render}, shared by any number of workers at once. Per frame N:
 * {@code frame_N.png}, its heatmaps, and {@code frame_N.json} (its stats, its cache key and the SHA-256 of
 * each of its files). Every file is written in this process's own staging folder
 * ({@code .fvstudio-partial/HOST-PID/}), forced to disk and renamed into place, the JSON last: a frame counts
 * as done only when its JSON names the current key and its files match their checksums, so a killed worker
 * leaves either a complete frame or none. {@code stats.json} (all frames' stats) is rebuilt from the per-frame
 * files under a lock ({@code .stats.lock}), the only place where workers wait for each other, and streamed so
 * nothing per frame stays in memory.
 */
public final class FrameFolder implements AutoCloseable {

    public static final String STAGING = ".fvstudio-partial";
    public static final String STATS = "stats.json";
    static final String LOCK = ".stats.lock";

    /** A staging folder of another host cannot be checked for a live owner; past this age it is abandoned. */
    static final Duration FOREIGN_STAGING_STALE = Duration.ofHours(12);

    private static final Pattern FRAME_JSON = Pattern.compile("frame_(\\d+)\\.json");
    private static final Pattern STAGING_NAME = Pattern.compile("(.+)-(\\d+)");

    /** How bytes reach a staged file; tests put a full disk here. */
    @FunctionalInterface
    interface Writes {
        void write(FileChannel channel, byte[] bytes) throws IOException;
    }

    private static final Writes CHANNEL = (channel, bytes) -> {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    };

    private final Path folder;
    private final Path staging;
    private final Writes writes;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FrameFolder(Path folder, Path staging, Writes writes) {
        this.folder = folder;
        this.staging = staging;
        this.writes = writes;
    }

    /** Opens (creating) the folder, removes the staging folders of workers that died, and makes this one's. */
    public static FrameFolder open(Path out) throws IOException {
        return open(out, CHANNEL);
    }

    static FrameFolder open(Path out, Writes writes) throws IOException {
        Path folder = out.toAbsolutePath().normalize();
        Files.createDirectories(folder);
        Path root = folder.resolve(STAGING);
        Files.createDirectories(root);
        String host = hostName();
        sweepAbandoned(root, host);
        Path own = root.resolve(host + "-" + ProcessHandle.current().pid());
        Files.createDirectories(own);
        return new FrameFolder(folder, own, writes);
    }

    public Path folder() {
        return folder;
    }

    public static String frameName(int frame) {
        return String.format("frame_%05d", frame);
    }

    /**
     * The stats of {@code frame} when it is complete and was made from {@code key}: its JSON names the key and
     * every file it lists is there with its checksum. Anything else (missing, other inputs, damaged) is empty.
     */
    public Optional<JsonNode> upToDate(int frame, CacheKey key) {
        return complete(frame).filter(stats -> key.hex().equals(stats.path("key").asText()));
    }

    /** The stats of {@code frame} when its JSON is there and every file it lists matches its checksum. */
    public Optional<JsonNode> complete(int frame) {
        Path file = folder.resolve(frameName(frame) + ".json");
        try {
            JsonNode stats = json.readTree(file.toFile());
            JsonNode files = stats == null ? null : stats.path("files");
            if (files == null || !files.isObject() || files.isEmpty()) {
                return Optional.empty();
            }
            for (var it = files.fields(); it.hasNext(); ) {
                var entry = it.next();
                Path part = folder.resolve(entry.getKey()).normalize();
                if (!folder.equals(part.getParent()) || !Files.isRegularFile(part)
                        || !CacheKeyBuilder.sha256Hex(Files.readAllBytes(part)).equals(entry.getValue().asText())) {
                    return Optional.empty();
                }
            }
            return Optional.of(stats);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Commits one frame: {@code files} (name to bytes) first, then {@code stats} with the key and the files'
     * checksums added, as {@code frame_N.json}.
     */
    public void commit(int frame, CacheKey key, Map<String, byte[]> files, ObjectNode stats) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            sums.put(file.getKey(), CacheKeyBuilder.sha256Hex(file.getValue()));
            place(file.getKey(), file.getValue());
        }
        stats.put("key", key.hex());
        ObjectNode listed = stats.putObject("files");
        sums.forEach(listed::put);
        place(frameName(frame) + ".json", json.writeValueAsBytes(stats));
        syncFolder(folder);
    }

    /**
     * Rebuilds {@code stats.json}: {@code header} with a {@code frames} array of every complete frame's stats in
     * frame order, read one file at a time, written to a temporary file and renamed into place.
     */
    public void rewriteStats(ObjectNode header) throws IOException {
        try (FileChannel lockFile = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            Path temp = TemporaryFiles.createFile(staging, STATS + ".", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                     OutputStream out = new BufferedOutputStream(through(channel), 1 << 16);
                     JsonGenerator gen = json.getFactory().createGenerator(out)) {
                    gen.useDefaultPrettyPrinter();
                    gen.writeStartObject();
                    for (var it = header.fields(); it.hasNext(); ) {
                        var field = it.next();
                        gen.writeFieldName(field.getKey());
                        json.writeTree(gen, field.getValue());
                    }
                    gen.writeArrayFieldStart("frames");
                    for (Path frameJson : frameStatsFiles()) {
                        JsonNode stats = readQuietly(frameJson);
                        if (stats != null) {
                            json.writeTree(gen, stats);
                        }
                    }
                    gen.writeEndArray();
                    gen.writeEndObject();
                    gen.flush();
                    channel.force(true);
                }
                move(temp, folder.resolve(STATS));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private List<Path> frameStatsFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "frame_*.json")) {
            for (Path p : entries) {
                if (FRAME_JSON.matcher(p.getFileName().toString()).matches()) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparingInt(p -> {
            Matcher m = FRAME_JSON.matcher(p.getFileName().toString());
            m.matches();
            return Integer.parseInt(m.group(1));
        }));
        return files;
    }

    private JsonNode readQuietly(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            return null; // replaced under our feet by a newer version: the next rewrite has it
        }
    }

    /** A stream onto {@code channel} that writes through {@link #writes}. */
    private OutputStream through(FileChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writes.write(channel, new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes.write(channel, Arrays.copyOfRange(b, off, off + len));
            }
        };
    }

    /** Writes {@code bytes} in staging, forces them to disk and renames them onto {@code name}. */
    private void place(String name, byte[] bytes) throws IOException {
        Path temp = TemporaryFiles.createFile(staging, name + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writes.write(channel, bytes);
                channel.force(true);
            }
            move(temp, folder.resolve(name));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + to.getFileName() + " atomically on this file system", e);
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens folders; the renames are still atomic
        }
    }

    /** Removes this worker's staging folder, and the staging root when no other worker uses it. */
    @Override
    public void close() throws IOException {
        deleteTree(staging);
        try {
            Files.deleteIfExists(staging.getParent());
        } catch (DirectoryNotEmptyException otherWorkers) {
            // another worker is writing
        }
    }

    /** Staging folders of this host's dead processes, and of other hosts once they are old. */
    private static void sweepAbandoned(Path root, String host) throws IOException {
        Instant foreignStale = Instant.now().minus(FOREIGN_STAGING_STALE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Matcher m = STAGING_NAME.matcher(entry.getFileName().toString());
                boolean abandoned;
                if (m.matches() && m.group(1).equals(host)) {
                    abandoned = ProcessHandle.of(Long.parseLong(m.group(2))).map(p -> !p.isAlive()).orElse(true);
                } else {
                    abandoned = Files.getLastModifiedTime(entry).toInstant().isBefore(foreignStale);
                }
                if (abandoned) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException gone) {
            // removed by another worker's sweep meanwhile
        }
    }

    /** The kernel's host name (no name service look-up: renders also run without a network). */
    private static String hostName() {
        String name = null;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            name = System.getenv().getOrDefault("HOSTNAME", System.getenv("COMPUTERNAME"));
        }
        return name == null || name.isBlank() ? "localhost" : name.replaceAll("[^A-Za-z0-9.]", "_");
    }
}
