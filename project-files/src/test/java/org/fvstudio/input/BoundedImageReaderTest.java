package org.fvstudio.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.fvstudio.media.ImageFiles;
import org.fvstudio.media.Picture;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedImageReaderTest {

    @TempDir
    Path dir;

    @Test
    void aCameraPhotoIsDecodedSubsampledToTheWorkingSizeWithoutEverExistingAtFullSize() throws Exception {
        Path photo = dir.resolve("camera.jpg");
        BufferedImage full = new BufferedImage(8000, 6000, BufferedImage.TYPE_3BYTE_BGR);
        full.getRaster().setPixel(4000, 3000, new int[] {255, 255, 255});
        assertThat(ImageIO.write(full, "jpeg", photo.toFile())).isTrue();
        full = null;

        long before = allocatedByThisThread();
        DecodedImage decoded = BoundedImageReader.read(photo, "camera.jpg", InputLimits.WORKING_MAX_SIDE);
        long allocated = allocatedByThisThread() - before;

        assertThat(decoded.header()).isEqualTo(new ImageHeader("jpeg", 8000, 6000));
        assertThat(decoded.subsampling()).isEqualTo(4);
        assertThat(decoded.image().getWidth()).isEqualTo(2000);
        assertThat(decoded.image().getHeight()).isEqualTo(1500);
        // Decoded at full size the picture alone would take 144 MB of Java heap (3 bytes a pixel).
        assertThat(allocated).as("bytes allocated while decoding").isLessThan(40L << 20);
    }

    @Test
    void subsamplingKeepsEveryNthPixelOfEveryNthRow() throws Exception {
        BufferedImage source = HostileFiles.noise(40, 30);
        Path png = dir.resolve("noise.png");
        ImageIO.write(source, "png", png.toFile());

        DecodedImage decoded = BoundedImageReader.read(png, "noise.png", 10);

        assertThat(decoded.subsampling()).isEqualTo(4);
        assertThat(decoded.image().getWidth()).isEqualTo(10);
        assertThat(decoded.image().getHeight()).isEqualTo(8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                assertThat(decoded.image().getRGB(x, y)).isEqualTo(source.getRGB(4 * x, 4 * y));
            }
        }
        assertThat(BoundedImageReader.read(png, "noise.png", BoundedImageReader.FULL_SIZE).image().getWidth()).isEqualTo(40);
    }

    @Test
    void aPoseFoundInADownscaledPictureLandsOnThePicturesOwnCanvas() throws Exception {
        Path png = dir.resolve("wide.png");
        ImageIO.write(HostileFiles.noise(4100, 30), "png", png.toFile());

        Picture picture = ImageFiles.readWithin(png, InputLimits.WORKING_MAX_SIDE);
        assertThat(picture.image().width()).isEqualTo(1367);
        assertThat(picture.downscaled()).isTrue();
        PersonPose found = PersonPose.empty().with(0, new Keypoint(100, 5, 0.9));
        Pose onSource = picture.onSourceCanvas(new Pose(1367, 10, java.util.List.of(found)));

        assertThat(onSource.canvasWidth()).isEqualTo(4100);
        assertThat(onSource.canvasHeight()).isEqualTo(30);
        assertThat(onSource.people().get(0).x(0)).isCloseTo(100 * 4100 / 1367.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onSource.people().get(0).y(0)).isCloseTo(5 * 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(onSource.people().get(0).confidence(0)).isEqualTo(0.9);
    }

    @Test
    void theHeaderIsReadWithoutDecodingAndFormatsImageIoLacksAreLeftToFfmpeg() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, HostileFiles.pngHeader(20000, 20000));
        assertThat(BoundedImageReader.header(bomb, "bomb.png")).contains(new ImageHeader("png", 20000, 20000));
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture");
        assertThat(BoundedImageReader.header(text, "notes.png")).isEmpty();
        assertThatThrownBy(() -> BoundedImageReader.read(text, "notes.png", 100))
                .hasMessage("notes.png: not a picture FV Studio can read (PNG, JPEG, BMP or GIF)");
    }

    @Test
    void aPictureHeldInMemoryIsCheckedTheSameWay() {
        assertThatThrownBy(() -> BoundedImageReader.read(HostileFiles.pngHeader(16384, 16384), "frame.png",
                BoundedImageReader.FULL_SIZE))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessage("frame.png: declares 16384x16384 pixels (268.4 megapixels), more than the 16384 px a side"
                        + " and 100 megapixels FV Studio reads for a picture");
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
