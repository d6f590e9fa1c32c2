package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.fvstudio.inference.job.GenerationError;
import org.fvstudio.inference.job.GenerationException;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.project.io.ProjectBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the render command and the studio's generation read as reference pictures. */
class BundleReferenceImagesTest {

    @TempDir
    Path tmp;

    @Test
    void aLargePhotoIsDecodedAtTheWorkingSizeAndABombIsRefusedUnread() throws Exception {
        ProjectBundle bundle = ProjectBundle.create(tmp.resolve("Refs.fvs"), Project.createNew("Refs"));
        BufferedImage wide = new BufferedImage(6000, 1000, BufferedImage.TYPE_3BYTE_BGR);
        wide.getRaster().setPixel(5999, 999, new int[] {10, 20, 30});
        ImageIO.write(wide, "png", bundle.referenceImage("wide.png").toFile());
        Files.write(bundle.referenceImage("bomb.png"), pngDeclaring(20000, 20000));
        BundleReferenceImages images = new BundleReferenceImages(bundle);

        RgbImage loaded = images.load(shot("wide.png"));
        assertThat(loaded.width()).isEqualTo(2000);
        assertThat(loaded.height()).isEqualTo(334);

        assertThatThrownBy(() -> images.load(shot("bomb.png")))
                .isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(((GenerationException) e).kind()).isEqualTo(GenerationError.Kind.INVALID_INPUT))
                .hasMessage("reference 'Close-up': image " + bundle.referenceImage("bomb.png") + " declares 20000x20000"
                        + " pixels (400 megapixels), more than the 16384 px a side and 100 megapixels FV Studio reads"
                        + " for a picture");
    }

    private static ReferenceShot shot(String image) {
        return new ReferenceShot("ref-1", "Close-up", image, Pose.empty(512, 512), ShotScale.CLOSE_UP, true, "");
    }

    /** A PNG whose header declares the size, with a few rows of deflated zeros as its body. */
    private static byte[] pngDeclaring(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4 * (1 + 3 * 4096)]);
        deflater.finish();
        byte[] body = new byte[4096];
        chunk(out, "IDAT", Arrays.copyOf(body, deflater.deflate(body)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
