package org.fvstudio.ui.help;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.fvstudio.assets.BundledAssets;

/**
 * Reads the licences of the bundled data and models: the project's NOTICE file (beside the assets
 * folder in a checkout, or inside it in an app image) and every licence or notice file inside the
 * assets (packs, sample project). Unreadable or missing files are reported in the list, not thrown.
 */
public final class LicenceTexts {

    static final int MAX_CHARS_PER_FILE = 20_000;
    private static final int MAX_DEPTH = 5;

    private LicenceTexts() {
    }

    public static List<LicenceText> read(Optional<BundledAssets> assets) {
        List<LicenceText> texts = new ArrayList<>();
        if (assets.isEmpty()) {
            texts.add(new LicenceText("NOTICE", "No bundled assets folder was found, so neither the NOTICE file "
                    + "nor the licences of bundled models and data can be shown."));
            return texts;
        }
        Path root = assets.get().root();
        List<Path> noticeCandidates = new ArrayList<>();
        if (root.getParent() != null) {
            noticeCandidates.add(root.getParent().resolve("NOTICE"));
        }
        noticeCandidates.add(root.resolve("NOTICE"));
        Optional<Path> notice = noticeCandidates.stream().filter(Files::isRegularFile).findFirst();
        if (notice.isPresent()) {
            texts.add(readFile(notice.get(), notice.get().toString()));
        } else {
            texts.add(new LicenceText("NOTICE", "The NOTICE file was not found (looked at "
                    + noticeCandidates.stream().map(Path::toString).reduce((a, b) -> a + " and " + b).orElse("")
                    + ")."));
        }
        for (Path file : licenceFilesIn(root)) {
            texts.add(readFile(file, "assets/" + root.relativize(file).toString().replace('\\', '/')));
        }
        return texts;
    }

    static List<Path> licenceFilesIn(Path root) {
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            return walk.filter(Files::isRegularFile)
                    .filter(LicenceTexts::isLicenceFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    static boolean isLicenceFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean textLike = !name.contains(".") || name.endsWith(".txt") || name.endsWith(".md");
        return textLike && (name.contains("licen") || name.startsWith("notice") || name.startsWith("copying"));
    }

    private static LicenceText readFile(Path file, String shownAs) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.length() > MAX_CHARS_PER_FILE) {
                text = text.substring(0, MAX_CHARS_PER_FILE) + "\n… (shortened; the full text is in " + file + ")";
            }
            return new LicenceText(shownAs, text.strip());
        } catch (IOException e) {
            return new LicenceText(shownAs, "Cannot read " + file + ": " + e.getMessage());
        }
    }
}
