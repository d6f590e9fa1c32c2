package org.fvstudio.ui.generation.pictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fvstudio.bench.RealData;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The picture budget on crops of a real photo: least recently shown dropped first, read again on demand. */
class PictureLruTest {

    private static RgbImage photo;

    @BeforeAll
    static void readPhoto() throws IOException {
        Path file = RealData.find(RealData.ASTRONAUT).orElseThrow(() -> new AssertionError(RealData.searched(RealData.ASTRONAUT)));
        photo = PngImages.read(file);
    }

    /** A 128x128 crop of the photo (64 KiB of pixels), a different one for each index. */
    private static RgbImage crop(int index) {
        RgbImage out = new RgbImage(128, 128);
        int x0 = (index * 37) % (photo.width() - 128);
        int y0 = (index * 53) % (photo.height() - 128);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                out.setRgb(x, y, photo.rgb(x0 + x, y0 + y));
            }
        }
        return out;
    }

    @Test
    void keepsPicturesWithinTheBudgetAndReadsDroppedOnesAgain() {
        long frameBytes = 4L * 128 * 128;
        PictureLru lru = new PictureLru(3 * frameBytes);
        AtomicInteger reads = new AtomicInteger();
        List<FramePicture> pictures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int index = i;
            FramePicture.Reload fromDisk = () -> {
                reads.incrementAndGet();
                return crop(index);
            };
            pictures.add(FramePicture.kept(crop(i)).reloadable(fromDisk, lru));
            assertThat(lru.residentBytes()).isLessThanOrEqualTo(3 * frameBytes);
        }
        assertThat(lru.residentCount()).isEqualTo(3);
        assertThat(pictures.subList(0, 7)).allSatisfy(p -> assertThat(p.resident()).isEmpty());
        assertThat(pictures.subList(7, 10)).allSatisfy(p -> assertThat(p.resident()).isPresent());

        // Shown again: frame 7 becomes the most recent, so frame 8 is the next to go.
        assertThat(pictures.get(7).resident()).isPresent();
        RgbImage again = pictures.get(0).full();
        assertThat(reads).hasValue(1);
        assertThat(again.packedPixels()).isEqualTo(crop(0).packedPixels());
        assertThat(pictures.get(8).resident()).isEmpty();
        assertThat(pictures.get(7).resident()).isPresent();
        assertThat(lru.residentCount()).isEqualTo(3);
    }

    @Test
    void thumbnailIsTheBoxMeanOfThePicture() {
        RgbImage picture = crop(4);
        FramePicture framed = FramePicture.kept(picture);
        RgbImage thumb = framed.thumbnail();
        assertThat(Math.max(thumb.width(), thumb.height())).isEqualTo(FramePicture.THUMBNAIL_SIDE);
        // A box mean keeps the picture's mean brightness (nearest-neighbour sampling would not, on a textured crop).
        long sum = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                sum += picture.green(x, y);
            }
        }
        long thumbSum = 0;
        for (int y = 0; y < thumb.height(); y++) {
            for (int x = 0; x < thumb.width(); x++) {
                thumbSum += thumb.green(x, y);
            }
        }
        double pictureMean = sum / (128.0 * 128);
        double thumbMean = thumbSum / (double) (thumb.width() * thumb.height());
        assertThat(thumbMean).isCloseTo(pictureMean, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void aPictureThatCannotBeReadAgainSaysWhy() {
        PictureLru lru = new PictureLru(0);
        FramePicture gone = FramePicture.kept(crop(1)).reloadable(() -> {
            throw new IOException("frame 1 is no longer in the render cache");
        }, lru);
        FramePicture.kept(crop(2)).reloadable(() -> crop(2), lru);
        assertThat(gone.resident()).isEmpty();
        assertThatThrownBy(gone::full).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no longer in the render cache");
    }

    @Test
    void aSmallerBudgetDropsPicturesAtOnce() {
        PictureLru lru = new PictureLru(PictureLru.DEFAULT_BUDGET_BYTES);
        for (int i = 0; i < 5; i++) {
            int index = i;
            FramePicture.kept(crop(i)).reloadable(() -> crop(index), lru);
        }
        assertThat(lru.residentCount()).isEqualTo(5);
        lru.setBudget(2 * 4L * 128 * 128);
        assertThat(lru.residentCount()).isEqualTo(2);
        assertThatThrownBy(() -> lru.setBudget(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
