package org.fvstudio.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.SplitPane;

import org.fvstudio.input.JsonProblem;
import org.fvstudio.project.io.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The split panes' divider positions, remembered between sessions in one small JSON file of the studio's
 * home ({"dividers": {"workspace": [0.2, 0.76], ...}}). A missing or damaged file means the defaults: the
 * layout is a convenience, never a reason to refuse to start.
 */
public final class WindowLayout {

    private static final Logger LOG = LoggerFactory.getLogger(WindowLayout.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;
    private final Map<String, double[]> stored = new LinkedHashMap<>();
    private final Map<String, SplitPane> tracked = new LinkedHashMap<>();

    private WindowLayout(Path file) {
        this.file = file;
    }

    public static WindowLayout load(Path file) {
        WindowLayout layout = new WindowLayout(file);
        if (!Files.isRegularFile(file)) {
            return layout;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            JsonNode dividers = JSON.readTree(file.toFile()).path("dividers");
            dividers.fields().forEachRemaining(entry -> {
                List<Double> positions = new ArrayList<>();
                entry.getValue().forEach(value -> {
                    if (value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1) {
                        positions.add(value.asDouble());
                    }
                });
                if (positions.size() == entry.getValue().size()) {
                    layout.stored.put(entry.getKey(), positions.stream().mapToDouble(Double::doubleValue).toArray());
                }
            });
        } catch (JsonProcessingException e) {
            LOG.warn("{}: window layout ignored ({}); using the default layout", file, JsonProblem.of(e));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: window layout ignored ({}); using the default layout", file, e.getMessage());
        }
        return layout;
    }

    /** Gives {@code pane} its remembered divider positions, else {@code defaults}, and remembers it for {@link #save()}. */
    public void restore(String key, SplitPane pane, double... defaults) {
        double[] positions = stored.get(key);
        pane.setDividerPositions(positions != null && positions.length == defaults.length ? positions : defaults);
        tracked.put(key, pane);
    }

    /** Stored positions of {@code key}, for tests and diagnostics. */
    public double[] positions(String key) {
        SplitPane pane = tracked.get(key);
        return pane != null ? pane.getDividerPositions() : stored.getOrDefault(key, new double[0]);
    }

    /** Writes the tracked panes' positions (atomically); a failure is logged, the layout is not worth an error box. */
    public void save() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode dividers = root.putObject("dividers");
        stored.forEach((key, positions) -> putPositions(dividers, key, positions));
        tracked.forEach((key, pane) -> putPositions(dividers, key, pane.getDividerPositions()));
        try {
            Files.createDirectories(file.getParent());
            AtomicFileWriter.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            LOG.warn("{}: could not save the window layout: {}", file, e.getMessage());
        }
    }

    private static void putPositions(ObjectNode dividers, String key, double[] positions) {
        var array = dividers.putArray(key);
        for (double position : positions) {
            array.add(Math.round(position * 10_000) / 10_000.0);
        }
    }
}
