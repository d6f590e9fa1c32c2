package org.fvstudio.inference.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;

/** Picture <-> CHW tensor conversions. */
class ImageTensorsTest {

    @Test
    void toChwMapsEveryChannelThroughTheAffineFormulaBlackIncluded() {
        RgbImage image = RgbImage.ofPacked(2, 2, new int[] {0x000000, 0xFF8001, 0x000000, 0x0000FF});
        assertThat(ImageTensors.toChw(image, 1 / 255.0, 0)).containsExactly(
                0f, 1f, 0f, 0f,
                0f, (float) (128 / 255.0), 0f, 0f,
                0f, (float) (1 / 255.0), 0f, 1f);
        float[] signed = ImageTensors.toChw(image, 1 / 127.5, -1);
        assertThat(signed[0]).isEqualTo(-1f);
        assertThat(signed[4]).isEqualTo(-1f);
        assertThat(signed[11]).isEqualTo((float) (255 / 127.5 - 1));
    }

    @Test
    void fromSignedUnitClampsAndRoundsHalfUpAndTakesNanAsZero() {
        float[] chw = {-1f, 1f, 0f, Float.NaN, -7f, 3f, 1 / 255f, -1 / 255f, 0, 0, 0, 0};
        RgbImage image = ImageTensors.fromSignedUnit(chw, 0, 2, 2);
        // red: -1 -> 0, 1 -> 255, 0 -> 127.5 -> 128, NaN -> 128
        assertThat(image.red(0, 0)).isZero();
        assertThat(image.red(1, 0)).isEqualTo(255);
        assertThat(image.red(0, 1)).isEqualTo(128);
        assertThat(image.red(1, 1)).isEqualTo(128);
        // green: clamped -7 -> 0 and 3 -> 255; (1 +- 1/255) * 127.5 = 128 and 127
        assertThat(image.green(0, 0)).isZero();
        assertThat(image.green(1, 0)).isEqualTo(255);
        assertThat(image.green(0, 1)).isEqualTo(128);
        assertThat(image.green(1, 1)).isEqualTo(127);
    }
}
