package org.fvstudio.ui.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fvstudio.inference.pack.ManifestReader;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.inference.pack.PackManifest;

/**
 * What a model pack is for, in the generation panel's words: its name and output resolution from pack.json, and
 * from its model card (MODEL_CARD.md, docs/model-pack.md) the first sentence of "Intended use" and of "Limits"
 * (else of the card's first paragraph). Reading it touches files: call it off the FX thread.
 *
 * @param purpose   what the pack is for; empty when the card does not say
 * @param limits    what it cannot do; empty when the card does not say
 * @param modelCard the card's file, when the pack has one
 */
public record PackSummary(String packId, String name, int width, int height, String purpose, String limits,
                          Optional<Path> modelCard) {

    public static final String MODEL_CARD = "MODEL_CARD.md";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9(\"])");

    /** "FV Studio tiny (synthetic mannequins) · 128x128 px". */
    public String title() {
        return name + " · " + width + "x" + height + " px";
    }

    /** @throws PackException naming the file when the pack cannot be found or its pack.json is bad */
    public static PackSummary read(String packId) throws PackException {
        return read(packId, null);
    }

    /** The pack {@code packId} names for the project in {@code bundle} (its own packs first). */
    public static PackSummary read(String packId, Path bundle) throws PackException {
        Path folder = PackResolver.resolve(packId, bundle);
        PackManifest manifest = ManifestReader.read(folder.resolve(ManifestReader.FILE_NAME));
        Path card = folder.resolve(MODEL_CARD);
        List<String> paragraphs = readParagraphs(card);
        String purpose = labelled(paragraphs, "Intended use").or(() -> paragraphs.stream()
                .filter(p -> !p.startsWith("#") && !p.startsWith("|") && !p.startsWith("**")).findFirst())
                .map(PackSummary::firstSentence).orElse("");
        String limits = labelled(paragraphs, "Limits").map(PackSummary::firstSentence).orElse("");
        return new PackSummary(manifest.id(), manifest.name(), manifest.width(), manifest.height(), purpose, limits,
                Files.isRegularFile(card) ? Optional.of(card) : Optional.empty());
    }

    private static List<String> readParagraphs(Path card) throws PackException {
        if (!Files.isRegularFile(card)) {
            return List.of();
        }
        try {
            return paragraphs(Files.readString(card, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PackException(card, card + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The card's text, for the model-card window. */
    public String cardText() throws IOException {
        return modelCard.isEmpty() ? "" : Files.readString(modelCard.get(), StandardCharsets.UTF_8);
    }

    /** Paragraphs separated by blank lines, each on one line. */
    static List<String> paragraphs(String markdown) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : markdown.replace("\r\n", "\n").split("\n\\s*\n")) {
            String joined = block.strip().replaceAll("\\s*\n\\s*", " ");
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return paragraphs;
    }

    /** The text of the paragraph that starts "**Label.**", without the label. */
    static Optional<String> labelled(List<String> paragraphs, String label) {
        String marker = "**" + label + ".**";
        return paragraphs.stream().filter(p -> p.startsWith(marker))
                .map(p -> p.substring(marker.length()).strip()).filter(p -> !p.isEmpty()).findFirst();
    }

    static String firstSentence(String text) {
        String[] sentences = SENTENCE_END.split(text, 2);
        return sentences[0].strip();
    }
}
