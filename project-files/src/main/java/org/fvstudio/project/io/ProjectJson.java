package org.fvstudio.project.io;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.JsonFiles;
import org.fvstudio.project.Project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes project.json (format {@value #FORMAT}, version {@value #CURRENT_VERSION}).
 * Reading checks the format, refuses versions newer than this build, migrates older ones step by
 * step and then validates everything, reporting the first problem with its JSON path.
 */
public final class ProjectJson {

    public static final String FORMAT = "fvstudio-project";
    public static final int CURRENT_VERSION = 1;

    private static final List<ProjectMigration> MIGRATIONS = List.of(new MigrationFromV0());
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectJson() {
    }

    /** The UTF-8 bytes of {@code project} as a version-1 project.json, paths stored as they are. */
    public static byte[] toBytes(Project project) {
        return toBytes(project, null);
    }

    /**
     * The UTF-8 bytes of {@code project} as a version-1 project.json written into {@code bundleDir}:
     * a driving video inside the bundle is stored relative to it.
     */
    public static byte[] toBytes(Project project, Path bundleDir) {
        try {
            return MAPPER.writeValueAsBytes(ProjectJsonWriter.write(project, bundleDir));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    /**
     * Parses and validates a project file.
     *
     * @param fileName      the name used in messages, e.g. {@code project.json}
     * @param referencesDir folder where every reference image must exist, or null to skip that check;
     *                      a relative driving-video path is resolved against its parent (the bundle)
     */
    public static Project fromBytes(byte[] json, String fileName, Path referencesDir) throws ProjectFormatException {
        JsonNode tree;
        try {
            tree = JsonFiles.parse(json, fileName);
        } catch (BadInputException e) {
            throw new ProjectFormatException(fileName, "", e.problem(), e);
        }
        if (tree == null) {
            throw new ProjectFormatException(fileName, "", "is empty");
        }
        JsonAt root = new JsonAt(fileName, "", tree);
        if (!tree.isObject()) {
            throw new ProjectFormatException(fileName, "", "expected a JSON object at the top level, got " + JsonAt.describe(tree));
        }
        checkFormat(root, fileName);
        int version = checkVersion(root, fileName);
        String migratedName = fileName;
        for (ProjectMigration migration : MIGRATIONS) {
            if (migration.fromVersion() == version) {
                migrate(migration, tree, fileName);
                version++;
                ((ObjectNode) tree).set("version", IntNode.valueOf(version));
                migratedName = fileName + " (migrated from version " + migration.fromVersion() + ")";
            }
        }
        if (version != CURRENT_VERSION) {
            throw new ProjectFormatException(fileName, "version", "no migration from version " + version);
        }
        return new ProjectJsonReader(referencesDir).read(new JsonAt(migratedName, "", tree));
    }

    /** A problem met while migrating says so: the file is in an old layout, not a broken current one. */
    private static void migrate(ProjectMigration migration, JsonNode tree, String fileName) throws ProjectFormatException {
        int from = migration.fromVersion();
        String hint = from == 0 && tree.has("frame_count") && !tree.has("frames")
                ? " (it has version 1's \"frame_count\": if it was written as version 1, set \"version\": 1)" : "";
        try {
            migration.migrate(new JsonAt(fileName, "", tree));
        } catch (ProjectFormatException e) {
            throw new ProjectFormatException(fileName + " (version " + from + ", which cannot be migrated to version "
                    + (from + 1) + ")", e.jsonPath(), e.problem() + hint, e);
        }
    }

    private static void checkFormat(JsonAt root, String fileName) throws ProjectFormatException {
        if (!root.has("format")) {
            throw new ProjectFormatException(fileName, "format", "missing: not an FV Studio project");
        }
        JsonAt format = root.field("format");
        if (!format.node().isTextual() || !FORMAT.equals(format.node().textValue())) {
            throw format.problem("expected \"" + FORMAT + "\", got " + JsonAt.describe(format.node())
                    + ": not an FV Studio project");
        }
    }

    private static int checkVersion(JsonAt root, String fileName) throws ProjectFormatException {
        JsonAt versionAt = root.field("version");
        long version = versionAt.wholeNumber();
        if (version > CURRENT_VERSION) {
            throw new ProjectFormatException(fileName, "",
                    "made by a newer FV Studio: version " + version + ", this build reads up to " + CURRENT_VERSION);
        }
        if (version < 0) {
            throw versionAt.problem(version + " is not a valid version");
        }
        return (int) version;
    }
}
