package org.fvstudio.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.settings.StudioHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectInstallerTest {

    @TempDir
    Path temp;

    @Test
    void copiesTheWholeBundleOnceAndKeepsTheUsersCopyAfterwards() throws Exception {
        BundledAssets assets = StudioFixture.sampleAssets(temp);
        StudioHome home = new StudioHome(temp.resolve("home"));
        SampleProjectInstaller installer = new SampleProjectInstaller(home, Optional.of(assets));
        Path bundled = assets.sampleProject().orElseThrow();

        Path copy = installer.install();

        assertThat(copy).isEqualTo(home.root().resolve("projects/Sample.fvs"));
        assertThat(StudioFixture.fingerprint(copy)).isEqualTo(StudioFixture.fingerprint(bundled))
                .containsKeys("project.json", "references/astronaut.png");
        Files.writeString(copy.resolve("project.json"), Files.readString(copy.resolve("project.json"))
                .replace("\"Close-up\"", "\"Edited\""));
        assertThat(installer.install()).isEqualTo(copy);
        assertThat(Files.readString(copy.resolve("project.json"))).contains("\"Edited\"");
        try (var entries = Files.list(copy.getParent())) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("Sample.fvs");
        }
    }

    @Test
    void aHalfCopiedFolderWithoutProjectJsonIsReplaced() throws Exception {
        BundledAssets assets = StudioFixture.sampleAssets(temp);
        StudioHome home = new StudioHome(temp.resolve("home"));
        Path broken = Files.createDirectories(home.root().resolve("projects/Sample.fvs/references"));
        Files.writeString(broken.resolve("partial.png"), "half");

        Path copy = new SampleProjectInstaller(home, Optional.of(assets)).install();

        assertThat(StudioFixture.fingerprint(copy)).isEqualTo(StudioFixture.fingerprint(assets.sampleProject().orElseThrow()));
    }

    @Test
    void noSampleIsExplained() {
        StudioHome home = new StudioHome(temp.resolve("home"));
        assertThatThrownBy(() -> new SampleProjectInstaller(home, Optional.empty()).install())
                .isInstanceOf(SampleProjectInstaller.SampleUnavailableException.class)
                .hasMessageContaining("no bundled assets folder was found");
    }
}
