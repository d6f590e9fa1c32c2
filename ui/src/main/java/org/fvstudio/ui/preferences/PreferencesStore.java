package org.fvstudio.ui.preferences;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.fvstudio.input.InputLimits;
import org.fvstudio.input.InputTooLargeException;
import org.fvstudio.input.JsonProblem;
import org.fvstudio.ui.settings.StudioHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code <fvstudio.home>/preferences.json}. Loading never fails: a missing file gives
 * the defaults (first run); a corrupt file gives the defaults with a warning; a single bad value falls
 * back to its default with a warning naming the file, the key and the problem. Saving refuses invalid
 * preferences and replaces the file atomically, so a crash mid-write leaves the previous file intact.
 */
public final class PreferencesStore {

    public static final String FILE_NAME = "preferences.json";
    static final String FORMAT = "fvstudio-preferences";
    static final int VERSION = 1;

    static final String KEY_MODEL_FOLDERS = "model_folders";
    static final String KEY_DEVICE = "default_device";
    static final String KEY_ESTIMATOR = "pose_estimator";
    static final String KEY_THREADS = "threads";
    static final String KEY_AUTOSAVE = "autosave_minutes";
    static final String KEY_THEME = "theme";
    static final String KEY_CACHE = "cache_limit_mb";
    static final String KEY_SHOW_GUIDE = "show_guide";

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Preferences defaults;
    private final PreferenceRules rules;

    public PreferencesStore(StudioHome home, PreferenceRules rules) {
        this(home.root().resolve(FILE_NAME), Preferences.defaults(home), rules);
    }

    public PreferencesStore(Path file, Preferences defaults, PreferenceRules rules) {
        this.file = file.toAbsolutePath().normalize();
        this.defaults = defaults;
        this.rules = rules;
    }

    public Path file() {
        return file;
    }

    public Preferences defaults() {
        return defaults;
    }

    public PreferenceRules rules() {
        return rules;
    }

    public PreferencesLoad load() {
        String text;
        try {
            InputLimits.checkFileSize(file, InputLimits.SETTINGS_JSON_MAX_BYTES, "a preferences file");
            text = Files.readString(file);
        } catch (InputTooLargeException e) {
            return corrupt(e.problem());
        } catch (NoSuchFileException e) {
            return new PreferencesLoad(defaults, List.of(), false);
        } catch (IOException e) {
            return corrupt("cannot be read (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return corrupt("is not valid JSON (" + JsonProblem.of(e) + ")");
        }
        if (root == null || !root.isObject()) {
            return corrupt("does not hold a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            return corrupt("is not an FV Studio preferences file (\"format\" is not \"" + FORMAT + "\")");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            return corrupt("has version " + root.path("version") + ", this FV Studio reads version " + VERSION);
        }
        List<String> warnings = new ArrayList<>();
        Preferences read = new FieldReader(root, warnings).read();
        warnings.forEach(LOG::warn);
        return new PreferencesLoad(read, warnings, true);
    }

    /** Writes {@code preferences} if every value is valid; otherwise nothing is written. */
    public void save(Preferences preferences) throws InvalidPreferencesException, IOException {
        List<PreferenceProblem> problems = rules.check(preferences);
        if (!problems.isEmpty()) {
            throw new InvalidPreferencesException(problems);
        }
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, JSON.writeValueAsString(toJson(preferences)));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private PreferencesLoad corrupt(String problem) {
        String warning = file + " " + problem + "; using the default preferences (saving them replaces the file)";
        LOG.warn(warning);
        return new PreferencesLoad(defaults, List.of(warning), true);
    }

    static ObjectNode toJson(Preferences preferences) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode folders = root.putArray(KEY_MODEL_FOLDERS);
        preferences.modelFolders().forEach(folder -> folders.add(folder.toString()));
        root.put(KEY_DEVICE, preferences.defaultDevice().jsonName());
        root.put(KEY_THREADS, preferences.threadCount());
        root.put(KEY_AUTOSAVE, preferences.autosaveMinutes());
        root.put(KEY_THEME, preferences.theme().jsonName());
        root.put(KEY_CACHE, preferences.cacheLimitMb());
        root.put(KEY_SHOW_GUIDE, preferences.showGuide());
        root.put(KEY_ESTIMATOR, preferences.poseEstimator().jsonName());
        return root;
    }

    /** Reads each key on its own, so one bad value costs only that value. */
    private final class FieldReader {

        private final JsonNode root;
        private final List<String> warnings;

        FieldReader(JsonNode root, List<String> warnings) {
            this.root = root;
            this.warnings = warnings;
        }

        Preferences read() {
            List<Path> folders = field(KEY_MODEL_FOLDERS, defaults.modelFolders(), this::folders);
            DefaultDevice device = field(KEY_DEVICE, defaults.defaultDevice(), node -> named(node,
                    DefaultDevice.fromJsonName(node.asText()), "auto, cpu or cuda"));
            int threads = field(KEY_THREADS, defaults.threadCount(),
                    node -> checked(wholeNumber(node), rules::checkThreads));
            int autosave = field(KEY_AUTOSAVE, defaults.autosaveMinutes(),
                    node -> checked(wholeNumber(node), rules::checkAutosave));
            Theme theme = field(KEY_THEME, defaults.theme(), node -> named(node,
                    Theme.fromJsonName(node.asText()), "light or dark"));
            long cache = field(KEY_CACHE, defaults.cacheLimitMb(), node -> {
                if (!node.canConvertToLong() || !node.isIntegralNumber()) {
                    throw new BadValue("expected a whole number of megabytes, found " + node);
                }
                return checked(node.asLong(), rules::checkCacheLimit);
            });
            boolean showGuide = field(KEY_SHOW_GUIDE, defaults.showGuide(), node -> {
                if (!node.isBoolean()) {
                    throw new BadValue("expected true or false, found " + node);
                }
                return node.asBoolean();
            });
            PoseEstimator estimator = field(KEY_ESTIMATOR, defaults.poseEstimator(), node -> named(node,
                    PoseEstimator.fromJsonName(node.asText()), "auto, dwpose or embedded"));
            return new Preferences(folders, device, threads, autosave, theme, cache, showGuide, estimator);
        }

        private <T> T field(String key, T fallback, Function<JsonNode, T> parse) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return fallback;
            }
            try {
                return parse.apply(node);
            } catch (BadValue e) {
                warnings.add(file + ": \"" + key + "\" " + e.getMessage() + "; using the default (" + shown(fallback) + ")");
                return fallback;
            }
        }

        private List<Path> folders(JsonNode node) {
            if (!node.isArray()) {
                throw new BadValue("expected a list of folder paths, found " + node);
            }
            List<Path> folders = new ArrayList<>();
            for (JsonNode entry : node) {
                if (!entry.isTextual() || entry.asText().isBlank()) {
                    throw new BadValue("expected folder paths as text, found " + entry);
                }
                try {
                    folders.add(Path.of(entry.asText()));
                } catch (java.nio.file.InvalidPathException e) {
                    throw new BadValue("holds an invalid path: " + e.getMessage());
                }
            }
            List<PreferenceProblem> problems = rules.checkModelFolders(folders);
            if (!problems.isEmpty()) {
                throw new BadValue(problems.get(0).reason());
            }
            return List.copyOf(folders);
        }

        private static int wholeNumber(JsonNode node) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new BadValue("expected a whole number, found " + node);
            }
            return node.asInt();
        }

        private static <E> E named(JsonNode node, Optional<E> value, String allowed) {
            if (!node.isTextual() || value.isEmpty()) {
                throw new BadValue("must be " + allowed + ", found " + node);
            }
            return value.get();
        }

        private static <N> N checked(N value, Function<N, Optional<PreferenceProblem>> rule) {
            Optional<PreferenceProblem> problem = rule.apply(value);
            if (problem.isPresent()) {
                throw new BadValue(problem.get().reason());
            }
            return value;
        }

        private static String shown(Object value) {
            if (value instanceof Theme theme) {
                return theme.jsonName();
            }
            if (value instanceof DefaultDevice device) {
                return device.jsonName();
            }
            if (value instanceof PoseEstimator estimator) {
                return estimator.jsonName();
            }
            return String.valueOf(value);
        }
    }

    private static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
