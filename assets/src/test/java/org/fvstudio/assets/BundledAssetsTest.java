package org.fvstudio.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledAssetsTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(BundledAssets.PROPERTY);
    }

    @Test
    void systemPropertyNamesTheFolder() throws IOException {
        Path assets = Files.createDirectories(temp.resolve("my-assets"));
        System.setProperty(BundledAssets.PROPERTY, assets.toString());

        assertThat(BundledAssets.locate()).get().extracting(BundledAssets::root).isEqualTo(assets.toAbsolutePath());
    }

    @Test
    void aWrongPropertyIsNotMaskedByAFallback() {
        System.setProperty(BundledAssets.PROPERTY, temp.resolve("missing").toString());

        assertThat(BundledAssets.locate()).isEmpty();
    }

    @Test
    void sampleProjectAndPacksAreFoundOnlyWhenComplete() throws IOException {
        BundledAssets assets = BundledAssets.at(temp);
        assertThat(assets.sampleProject()).isEmpty();
        assertThat(assets.pack("fvs-tiny")).isEmpty();

        Path sample = Files.createDirectories(temp.resolve("sample/Sample.fvs"));
        Files.writeString(sample.resolve("project.json"), "{}");
        Path pack = Files.createDirectories(temp.resolve("packs/fvs-tiny"));
        Files.writeString(pack.resolve("pack.json"), "{}");

        assertThat(assets.sampleProject()).contains(sample.toAbsolutePath());
        assertThat(assets.pack("fvs-tiny")).contains(pack.toAbsolutePath());
    }
}
