package org.fvstudio.inference.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.junit.jupiter.api.Test;

/** ImageTensors.resize against Pillow's bilinear resize of the same picture (see resources image/SOURCES.md). */
class ImageTensorsResizeTest {

    private static RgbImage png(String name) throws Exception {
        try (InputStream in = ImageTensorsResizeTest.class.getResourceAsStream(name)) {
            return PngImages.read(in, name);
        }
    }

    private static int maxChannelDifference(RgbImage a, RgbImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        int max = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = a.rgb(x, y);
                int q = b.rgb(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    max = Math.max(max, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                }
            }
        }
        return max;
    }

    @Test
    void shrinkingMatchesPillowBilinear() throws Exception {
        RgbImage photo = png("/pipeline/astronaut.png");
        RgbImage ours = ImageTensors.resize(photo, 128, 128);
        assertThat(maxChannelDifference(ours, png("/image/astronaut_pil_128.png"))).isLessThanOrEqualTo(1);
    }

    @Test
    void enlargingToTheCanvasMatchesPillowBilinear() throws Exception {
        RgbImage small = png("/image/astronaut_pil_128.png");
        RgbImage ours = ImageTensors.resize(small, 270, 480);
        assertThat(maxChannelDifference(ours, png("/image/astronaut_pil_128_to_270x480.png"))).isLessThanOrEqualTo(1);
    }
}
