package org.fvstudio.app.farm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fvstudio.bench.RealData;
import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.CacheKeyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 2: on a full disk {@code render --out} left a truncated frame under its final name and a 0-byte
 * stats.json. Now a frame is staged, forced and renamed with its stats last, so a failed write leaves the frame
 * absent, the earlier frames and stats.json intact, and a frame whose file was damaged later counts as not done.
 */
class FrameFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aWriteThatFailsHalfWayLeavesNoFrameUnderItsNameAndTheStatsIntact() throws Exception {
        Path out = tmp.resolve("out");
        byte[] png = Files.readAllBytes(Path.of(System.getProperty(RealData.PROPERTY)).resolve("images/astronaut.png"));
        CacheKey key = new CacheKey(CacheKeyBuilder.sha256Hex(png));
        try (FrameFolder folder = FrameFolder.open(out)) {
            folder.commit(0, key, files(0, png), stats(0));
            folder.rewriteStats(header());
        }
        FrameFolder.Writes fullDisk = (channel, bytes) -> {
            channel.write(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
            throw new IOException("No space left on device");
        };
        try (FrameFolder folder = FrameFolder.open(out, fullDisk)) {
            assertThatThrownBy(() -> folder.commit(1, key, files(1, png), stats(1))).hasMessageContaining("No space left");
            assertThatThrownBy(() -> folder.rewriteStats(header())).hasMessageContaining("No space left");
        }
        assertThat(out.resolve("frame_00001.png")).doesNotExist();
        assertThat(out.resolve("frame_00001.json")).doesNotExist();
        assertThat(out.resolve("frame_00000.png")).hasBinaryContent(png);
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("frames")).hasSize(1);
        assertThat(stats.get("frames").get(0).get("frame").asInt()).isZero();
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "frame_00000.png", "frame_00000.json", "stats.json", ".stats.lock");
        }
    }

    @Test
    void aFrameCountsAsDoneOnlyWithItsKeyAndUndamagedFiles() throws Exception {
        Path out = tmp.resolve("out");
        byte[] png = Files.readAllBytes(Path.of(System.getProperty(RealData.PROPERTY)).resolve("images/astronaut.png"));
        CacheKey key = new CacheKey(CacheKeyBuilder.sha256Hex(png));
        CacheKey other = new CacheKey(CacheKeyBuilder.sha256Hex(new byte[] {1}));
        try (FrameFolder folder = FrameFolder.open(out)) {
            folder.commit(3, key, files(3, png), stats(3));
            assertThat(folder.upToDate(3, key)).isPresent();
            assertThat(folder.upToDate(3, other)).isEmpty();
            assertThat(folder.upToDate(4, key)).isEmpty();
            byte[] damaged = png.clone();
            damaged[damaged.length / 2] ^= 1;
            Files.write(out.resolve("frame_00003.png"), damaged);
            assertThat(folder.upToDate(3, key)).isEmpty();
            assertThat(folder.complete(3)).isEmpty();
        }
    }

    private static Map<String, byte[]> files(int frame, byte[] png) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(FrameFolder.frameName(frame) + ".png", png);
        return files;
    }

    private static ObjectNode stats(int frame) {
        return JSON.createObjectNode().put("frame", frame).put("image", FrameFolder.frameName(frame) + ".png");
    }

    private static ObjectNode header() {
        return JSON.createObjectNode().put("project", "test");
    }
}
