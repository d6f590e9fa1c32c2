package org.fvstudio.inference.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;

/** The resampler's loops for two taps against its general loops, and its range without clamping. */
class BilinearResamplerTest {

    private static RgbImage noise(int width, int height, long seed) {
        Random r = new Random(seed);
        int[] px = new int[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextInt(1 << 24);
        }
        return RgbImage.ofPacked(width, height, px);
    }

    private static RgbImage flat(int width, int height, int rgb) {
        int[] px = new int[width * height];
        Arrays.fill(px, rgb);
        return RgbImage.ofPacked(width, height, px);
    }

    @Test
    void twoTapLoopsGiveTheGeneralLoopsResultBitForBit() {
        int[][] sizes = {{128, 128, 512, 512}, {128, 128, 270, 480}, {37, 53, 100, 61}, {2, 3, 7, 9}, {128, 128, 129, 300}};
        for (int[] s : sizes) {
            RgbImage src = noise(s[0], s[1], s[2]);
            RgbImage fast = BilinearResampler.resize(src, s[2], s[3], true);
            RgbImage general = BilinearResampler.resize(src, s[2], s[3], false);
            assertThat(fast.packedPixels()).as("%dx%d -> %dx%d", s[0], s[1], s[2], s[3])
                    .isEqualTo(general.packedPixels());
        }
    }

    @Test
    void enlargingOneAxisAndShrinkingTheOtherMixesBothLoops() {
        RgbImage src = noise(40, 200, 5);
        assertThat(BilinearResampler.resize(src, 160, 50, true).packedPixels())
                .isEqualTo(BilinearResampler.resize(src, 160, 50, false).packedPixels());
        assertThat(BilinearResampler.resize(src, 10, 800, true).packedPixels())
                .isEqualTo(BilinearResampler.resize(src, 10, 800, false).packedPixels());
    }

    /** Weights are non-negative and sum to one, so the extremes stay put without clamping. */
    @Test
    void whiteStaysWhiteAndBlackStaysBlackWhateverTheScale() {
        for (int[] size : new int[][] {{512, 512}, {31, 17}, {1, 1}, {300, 40}}) {
            for (int rgb : new int[] {0xFFFFFF, 0x000000, 0xFF00FF}) {
                RgbImage out = BilinearResampler.resize(flat(128, 96, rgb), size[0], size[1]);
                assertThat(out.packedPixels()).as("%06x at %dx%d", rgb, size[0], size[1]).containsOnly(rgb);
            }
        }
    }
}
