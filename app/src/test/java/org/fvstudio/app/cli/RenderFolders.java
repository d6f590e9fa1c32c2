package org.fvstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Compares two {@code render --out} folders: the same files, byte for byte, and the same stats value for value. */
final class RenderFolders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderFolders() {
    }

    /** Frames and heatmaps byte for byte; per-frame JSON and stats.json value for value, timings aside. */
    static void assertSameRender(Path expected, Path actual) throws IOException {
        List<String> names = visibleFiles(expected);
        assertThat(visibleFiles(actual)).as("files of %s", actual).containsExactlyElementsOf(names);
        assertThat(names).anyMatch(n -> n.startsWith("heatmap_"));
        for (String name : names) {
            Path a = expected.resolve(name);
            Path b = actual.resolve(name);
            if (name.endsWith(".png")) {
                assertThat(Files.readAllBytes(b)).as(name).isEqualTo(Files.readAllBytes(a));
            } else {
                assertThat(withoutTimings(JSON.readTree(b.toFile()))).as(name).isEqualTo(withoutTimings(JSON.readTree(a.toFile())));
            }
        }
        JsonNode stats = JSON.readTree(actual.resolve("stats.json").toFile());
        assertThat(stats.get("frames")).hasSize((int) names.stream().filter(n -> n.matches("frame_\\d+\\.json")).count());
    }

    /** Nothing of a render in progress is left: no staging folder, no temporary file. */
    static void assertNoTemporaries(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all.map(p -> folder.relativize(p).toString()))
                    .noneMatch(n -> n.startsWith(".fvstudio-partial") || n.endsWith(".tmp"));
        }
    }

    static List<String> visibleFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** The stats that depend on the machine's speed, not on the frame, removed. */
    static JsonNode withoutTimings(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> timing = new ArrayList<>();
            object.fieldNames().forEachRemaining(n -> {
                if (n.equals("seconds") || n.endsWith("_ms") || n.equals("java_overhead_fraction")) {
                    timing.add(n);
                }
            });
            object.remove(timing);
        }
        node.forEach(RenderFolders::strip);
    }
}
