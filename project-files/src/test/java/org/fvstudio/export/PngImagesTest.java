package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our PNG writer checked by an independent reader (ImageIO): every pixel and sample comes back exactly. */
class PngImagesTest {

    @TempDir
    static Path work;

    static List<RgbImage> frames;

    @BeforeAll
    static void load() throws IOException {
        frames = TestVideos.pose2simFrames(work);
    }

    @Test
    void realFramesDecodeToTheSamePixels() throws IOException {
        for (RgbImage frame : List.of(frames.get(0), frames.get(33), Images.crop(frames.get(7), 3, 5, 101, 77))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngImages.write(frame, out);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(Images.samePixels(Images.fromBufferedImage(decoded), frame)).isTrue();
            // a photo compresses: under the 3 bytes per pixel of raw RGB
            assertThat(out.size()).isLessThan(frame.width() * frame.height() * 3);
        }
    }

    @Test
    void tinyImagesAreValid() throws IOException {
        RgbImage one = RgbImage.ofPacked(1, 1, new int[] {0x12AB34});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngImages.write(one, out);
        assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray())).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x12AB34);
    }

    @Test
    void sixteenBitGreySamplesComeBackExactly() throws IOException {
        int w = 17;
        int h = 30;
        int[] samples = new int[w * h];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (int) ((i * 2654435761L) & 0xFFFF); // spread over the whole 16-bit range
        }
        samples[0] = 0;
        samples[1] = 65535;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngImages.writeGrey16(w, h, samples, out);

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(decoded.getRaster().getSampleModel().getSampleSize(0)).isEqualTo(16);
        for (int i = 0; i < samples.length; i++) {
            assertThat(decoded.getRaster().getSample(i % w, i / w, 0)).as("sample %d", i).isEqualTo(samples[i]);
        }
    }
}
