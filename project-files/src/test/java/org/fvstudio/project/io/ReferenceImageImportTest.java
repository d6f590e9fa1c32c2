package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.fvstudio.project.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceImageImportTest {

    @TempDir
    Path temp;

    private ProjectBundle bundle;

    @BeforeEach
    void createBundle() throws Exception {
        bundle = ProjectBundle.create(temp.resolve("Images.fvs"), Project.createNew("Images"));
    }

    private String[] referenceFiles() throws Exception {
        try (Stream<Path> files = Files.list(bundle.referencesDir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void realPngIsCopiedUnderAFreeName() throws Exception {
        assertThat(bundle.importReferenceImage(TestProjects.astronaut())).isEqualTo("astronaut.png");
        assertThat(bundle.importReferenceImage(TestProjects.astronaut())).isEqualTo("astronaut-2.png");

        assertThat(bundle.referencesDir().resolve("astronaut-2.png")).hasSameBinaryContentAs(TestProjects.astronaut());
        BufferedImage copy = ImageIO.read(bundle.referencesDir().resolve("astronaut.png").toFile());
        assertThat(copy.getWidth()).isEqualTo(512);
        assertThat(copy.getHeight()).isEqualTo(512);
        assertThat(referenceFiles()).containsExactly("astronaut-2.png", "astronaut.png");
    }

    @Test
    void jpegIsAcceptedAndOddNamesAreMadeSafe() throws Exception {
        BufferedImage rgb = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(ImageIO.read(TestProjects.astronaut().toFile()), 0, 0, null);
        Path jpeg = temp.resolve("Eileen Collins (1999)");
        assertThat(ImageIO.write(rgb, "jpeg", jpeg.toFile())).isTrue();

        assertThat(bundle.importReferenceImage(jpeg)).isEqualTo("Eileen_Collins__1999_.jpg");
    }

    @Test
    void truncatedPngIsRefusedAsCorrupt() throws Exception {
        byte[] bytes = Files.readAllBytes(TestProjects.astronaut());
        Path broken = temp.resolve("broken.png");
        Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> bundle.importReferenceImage(broken))
                .isInstanceOf(ImageImportException.class)
                .hasMessage("broken.png: corrupt PNG data (truncated: the file ends before the picture does)");
        assertThat(referenceFiles()).isEmpty();
    }

    @Test
    void truncatedJpegIsRefusedAsCorrupt() throws Exception {
        BufferedImage rgb = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(ImageIO.read(TestProjects.astronaut().toFile()), 0, 0, null);
        Path jpeg = temp.resolve("whole.jpg");
        ImageIO.write(rgb, "jpeg", jpeg.toFile());
        byte[] bytes = Files.readAllBytes(jpeg);
        Path broken = temp.resolve("cut.jpg");
        Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> bundle.importReferenceImage(broken))
                .isInstanceOf(ImageImportException.class)
                .hasMessage("cut.jpg: corrupt JPEG data (truncated: the file ends before the picture does)");
    }

    @Test
    void nonImagesAndMissingFilesAreRefused() throws Exception {
        Path notes = temp.resolve("notes.txt");
        Files.writeString(notes, "shot list: close-up, medium, wide");
        assertThatThrownBy(() -> bundle.importReferenceImage(notes))
                .isInstanceOf(ImageImportException.class).hasMessage("notes.txt is not a PNG or JPEG image");

        Path gif = temp.resolve("tiny.gif");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED), "gif", gif.toFile());
        assertThatThrownBy(() -> bundle.importReferenceImage(gif)).hasMessage("tiny.gif is not a PNG or JPEG image");

        assertThatThrownBy(() -> bundle.importReferenceImage(temp.resolve("gone.png"))).hasMessage("gone.png: file not found");
        assertThatThrownBy(() -> bundle.importReferenceImage(temp)).hasMessage(temp.getFileName() + ": not a file");
        assertThat(referenceFiles()).isEmpty();
    }
}
