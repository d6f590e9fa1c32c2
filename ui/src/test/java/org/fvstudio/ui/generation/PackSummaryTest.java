package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fvstudio.inference.pack.PackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 item 13: what the generation panel says about a pack, read from pack.json and MODEL_CARD.md. */
class PackSummaryTest {

    @TempDir
    Path temp;

    @Test
    void theBundledPackSaysItIsADemonstrationOnSyntheticMannequinsAt128() throws Exception {
        PackSummary tiny = PackSummary.read("fvs-tiny");
        assertThat(tiny.width()).isEqualTo(128);
        assertThat(tiny.height()).isEqualTo(128);
        assertThat(tiny.title()).isEqualTo("FV Studio tiny (synthetic mannequins) · 128x128 px");
        assertThat(tiny.purpose()).isEqualTo("The bundled default pack of FV Studio: shows the whole method (heatmaps, "
                + "token selection, multi-shot references, free-viewpoint camera) on a laptop CPU without download.");
        assertThat(tiny.limits()).isEqualTo("It has only ever seen flat-shaded mannequins on plain backgrounds: on real "
                + "photographs it produces mannequin-like, blurry figures.");
        assertThat(tiny.modelCard()).hasValueSatisfying(card -> assertThat(card).hasFileName("MODEL_CARD.md"));
        assertThat(tiny.cardText()).contains("**Intended use.**", "**Limits.**");
    }

    @Test
    void aPackWithoutACardSaysSoAndAMissingPackIsNamed() throws Exception {
        Path pack = Files.createDirectories(temp.resolve("bare"));
        Files.copy(GenerationTestProjects.resource("generation/packs/contract-mini/pack.json"), pack.resolve("pack.json"));

        PackSummary bare = PackSummary.read(pack.toString());
        assertThat(bare.modelCard()).isEmpty();
        assertThat(bare.purpose()).isEmpty();
        assertThat(bare.limits()).isEmpty();
        assertThat(bare.cardText()).isEmpty();

        assertThatThrownBy(() -> PackSummary.read(temp.resolve("nowhere").toString()))
                .isInstanceOf(PackException.class).hasMessageContaining("nowhere");
    }

    @Test
    void paragraphsAndSentencesOfACard() {
        List<String> paragraphs = PackSummary.paragraphs("# Card\n\n**Limits.** Works at 64x64 only.\n"
                + "Trained on\ncartoons. 3 people max.\n\n| a | b |\n");
        assertThat(paragraphs).containsExactly("# Card", "**Limits.** Works at 64x64 only. Trained on cartoons. "
                + "3 people max.", "| a | b |");
        assertThat(PackSummary.labelled(paragraphs, "Limits").map(PackSummary::firstSentence))
                .hasValue("Works at 64x64 only.");
        assertThat(PackSummary.labelled(paragraphs, "Intended use")).isEmpty();
        assertThat(PackSummary.firstSentence("About 1.7 M parameters in four graphs. More.")).isEqualTo(
                "About 1.7 M parameters in four graphs.");
    }
}
