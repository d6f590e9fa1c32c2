package org.fvstudio.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.fvstudio.input.InputLimits;
import org.fvstudio.input.JsonFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most recently opened projects, newest first, kept in {@code recent.json}. A damaged file is
 * logged and treated as empty: losing the list must never stop the studio from starting.
 */
public final class RecentProjects {

    private static final Logger LOG = LoggerFactory.getLogger(RecentProjects.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int LIMIT = 10;

    private final Path file;
    private final List<Path> entries = new ArrayList<>();

    private RecentProjects(Path file) {
        this.file = file;
    }

    public static RecentProjects load(Path file) {
        RecentProjects recent = new RecentProjects(file);
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = JsonFiles.readTree(file, file.toString(), InputLimits.SETTINGS_JSON_MAX_BYTES,
                        "a recent-projects list");
                JsonNode projects = root == null ? null : root.get("projects");
                if (projects != null && projects.isArray()) {
                    for (JsonNode entry : projects) {
                        if (entry.isTextual() && recent.entries.size() < LIMIT) {
                            recent.entries.add(Path.of(entry.asText()));
                        }
                    }
                } else {
                    LOG.warn("{}: no \"projects\" list; starting with an empty recent list", file);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: unreadable recent-projects list ({}); starting with an empty list", file, e.getMessage());
            }
        }
        return recent;
    }

    /** The entries, newest first. */
    public List<Path> entries() {
        return List.copyOf(entries);
    }

    /** Entries whose bundle still exists. */
    public List<Path> existingEntries() {
        return entries.stream().filter(p -> Files.isRegularFile(p.resolve("project.json"))).toList();
    }

    /** Moves {@code project} to the top and writes the list. */
    public void add(Path project) throws IOException {
        Path normalized = project.toAbsolutePath().normalize();
        entries.remove(normalized);
        entries.add(0, normalized);
        while (entries.size() > LIMIT) {
            entries.remove(entries.size() - 1);
        }
        save();
    }

    public void remove(Path project) throws IOException {
        if (entries.remove(project.toAbsolutePath().normalize())) {
            save();
        }
    }

    public void clear() throws IOException {
        entries.clear();
        save();
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode projects = root.putArray("projects");
        entries.forEach(p -> projects.add(p.toString()));
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
