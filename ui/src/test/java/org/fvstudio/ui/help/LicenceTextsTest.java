package org.fvstudio.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fvstudio.assets.BundledAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceTextsTest {

    @TempDir
    Path temp;

    @Test
    void noAssetsIsSaidPlainly() {
        List<LicenceText> texts = LicenceTexts.read(Optional.empty());
        assertThat(texts).singleElement().extracting(LicenceText::text).asString()
                .contains("No bundled assets folder was found");
    }

    @Test
    void missingNoticeNamesWhereItWasLookedFor() throws Exception {
        Path assets = Files.createDirectories(temp.resolve("assets"));
        List<LicenceText> texts = LicenceTexts.read(Optional.of(BundledAssets.at(assets)));
        assertThat(texts).singleElement().extracting(LicenceText::text).asString()
                .contains("The NOTICE file was not found", temp.resolve("NOTICE").toString(),
                        assets.resolve("NOTICE").toString());
    }

    @Test
    void picksLicenceAndNoticeFilesButNotModelsOrImages() throws Exception {
        Path pack = Files.createDirectories(temp.resolve("assets/packs/fvs-tiny"));
        Files.writeString(pack.resolve("LICENSE.md"), "Model weights: Apache-2.0");
        Files.writeString(pack.resolve("denoiser.onnx"), "not text");
        Files.writeString(pack.resolve("licence-notes.png"), "image");
        Files.writeString(temp.resolve("assets/NOTICE"), "FV Studio notice inside the app image");

        List<LicenceText> texts = LicenceTexts.read(Optional.of(BundledAssets.at(temp.resolve("assets"))));

        assertThat(texts).extracting(LicenceText::source).containsExactly(
                temp.resolve("assets/NOTICE").toString(), "assets/NOTICE", "assets/packs/fvs-tiny/LICENSE.md");
        assertThat(texts.get(2).text()).isEqualTo("Model weights: Apache-2.0");
    }

    @Test
    void longFilesAreShortenedWithAPointerToTheFullText() throws Exception {
        Path assets = Files.createDirectories(temp.resolve("assets"));
        Files.writeString(temp.resolve("NOTICE"), "n");
        Files.writeString(assets.resolve("COPYING"), "x".repeat(LicenceTexts.MAX_CHARS_PER_FILE + 10));
        LicenceText copying = LicenceTexts.read(Optional.of(BundledAssets.at(assets))).get(1);
        assertThat(copying.text()).hasSize(LicenceTexts.MAX_CHARS_PER_FILE + ("\n… (shortened; the full text is in "
                + assets.resolve("COPYING") + ")").length());
    }
}
