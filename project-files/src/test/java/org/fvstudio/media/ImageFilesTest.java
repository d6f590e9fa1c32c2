package org.fvstudio.media;

import org.fvstudio.pose.render.RgbImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    private static final Path ASTRONAUT = Path.of("src/test/resources/media/astronaut.png");
    private static final Path WEBP_CROP = Path.of("src/test/resources/media/astronaut_crop.webp");

    @Test
    void readsPngPixelsAsRgb() throws Exception {
        RgbImage image = ImageFiles.read(ASTRONAUT);
        assertThat(image.width()).isEqualTo(512);
        assertThat(image.height()).isEqualTo(512);
        // Values read with PIL.
        assertThat(image.rgb(200, 100)).isEqualTo(0x513911); // 81, 57, 17
        assertThat(image.red(50, 400)).isEqualTo(234);
        assertThat(image.green(50, 400)).isEqualTo(131);
        assertThat(image.blue(50, 400)).isEqualTo(91);
    }

    @Test
    void fallsBackToFfmpegForFormatsImageIoLacks() throws Exception {
        RgbImage crop = ImageFiles.read(WEBP_CROP);
        RgbImage full = ImageFiles.read(ASTRONAUT);
        assertThat(crop.width()).isEqualTo(48);
        assertThat(crop.height()).isEqualTo(64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 48; x++) {
                assertThat(crop.rgb(x, y)).as("pixel %d,%d", x, y).isEqualTo(full.rgb(200 + x, 100 + y));
            }
        }
    }

    @Test
    void corruptAndMissingFilesAreNamed(@TempDir Path dir) throws Exception {
        byte[] png = Files.readAllBytes(ASTRONAUT);
        Path truncated = dir.resolve("half.png");
        Files.write(truncated, Arrays.copyOf(png, 4000));
        assertThatThrownBy(() -> ImageFiles.read(truncated))
                .isInstanceOf(MediaException.class).hasMessage(truncated + ": corrupt PNG data (truncated: the file ends before the picture does)");
        Path missing = dir.resolve("none.png");
        assertThatThrownBy(() -> ImageFiles.read(missing)).hasMessage(missing + ": image file not found");
    }
}
