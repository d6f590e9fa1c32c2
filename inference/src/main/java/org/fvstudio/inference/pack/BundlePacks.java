package org.fvstudio.inference.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packs kept inside a project bundle, in {@code NAME.fvs/packs/<id>/} (adapted packs). A project names such a
 * pack by its id; the bundle's packs are looked up before the installed ones, so the bundle stays self-contained
 * when it is moved. Folders starting with a dot are staging folders of an export in progress and never a pack.
 */
public final class BundlePacks {

    public static final String FOLDER = "packs";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");

    private BundlePacks() {
    }

    public static Path folder(Path bundleDir) {
        return bundleDir.resolve(FOLDER);
    }

    /** Whether {@code id} can name a folder of the bundle's packs (no path separators, no leading dot). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static Optional<Path> find(Path bundleDir, String id) {
        if (bundleDir == null || !isValidId(id)) {
            return Optional.empty();
        }
        Path candidate = folder(bundleDir).resolve(id);
        return Files.isRegularFile(candidate.resolve(ManifestReader.FILE_NAME)) ? Optional.of(candidate) : Optional.empty();
    }

    /** Ids of the bundle's packs, sorted. */
    public static List<String> ids(Path bundleDir) {
        List<String> ids = new ArrayList<>();
        Path folder = bundleDir == null ? null : folder(bundleDir);
        if (folder == null || !Files.isDirectory(folder)) {
            return ids;
        }
        try (Stream<Path> dirs = Files.list(folder)) {
            dirs.map(d -> d.getFileName().toString()).filter(BundlePacks::isValidId)
                    .filter(id -> Files.isRegularFile(folder.resolve(id).resolve(ManifestReader.FILE_NAME)))
                    .sorted().forEach(ids::add);
        } catch (IOException e) {
            // an unreadable packs/ folder offers no bundle packs; the installed ones still work
        }
        return ids;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... the first that no folder of the bundle's packs uses. */
    public static String freeId(Path bundleDir, String base) {
        String id = base;
        for (int n = 2; Files.exists(folder(bundleDir).resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** A valid id made from free text: "My Hero!" -> "my-hero". */
    public static String slug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.length() > 40 ? s.substring(0, 40) : s;
        return s.isEmpty() ? "character" : s;
    }
}
