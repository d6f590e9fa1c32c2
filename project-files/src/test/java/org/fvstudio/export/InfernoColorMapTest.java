package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class InfernoColorMapTest {

    // Entries 0, 128 and 255 of matplotlib's published inferno table (_cm_listed.py).
    private static final double[][] MATPLOTLIB = {
        {0.001462, 0.000466, 0.013866},
        {0.735683, 0.215906, 0.330245},
        {0.988362, 0.998364, 0.644924},
    };

    @Test
    void matchesThePublishedTableWithinTheFitError() {
        int[] table = InfernoColorMap.table();
        int[] indices = {0, 128, 255};
        for (int k = 0; k < indices.length; k++) {
            int c = table[indices[k]];
            assertThat((c >> 16 & 0xFF) / 255.0).as("red at %d", indices[k]).isCloseTo(MATPLOTLIB[k][0], offset(0.025));
            assertThat((c >> 8 & 0xFF) / 255.0).as("green at %d", indices[k]).isCloseTo(MATPLOTLIB[k][1], offset(0.025));
            assertThat((c & 0xFF) / 255.0).as("blue at %d", indices[k]).isCloseTo(MATPLOTLIB[k][2], offset(0.025));
        }
    }

    @Test
    void lightnessRisesMonotonically() {
        int[] table = InfernoColorMap.table();
        double previous = -1;
        for (int i = 0; i < table.length; i += 4) {
            double lightness = cieLightness(table[i]);
            assertThat(lightness).as("L* at %d", i).isGreaterThan(previous);
            previous = lightness;
        }
        assertThat(cieLightness(table[0])).isLessThan(5);
        assertThat(cieLightness(table[255])).isGreaterThan(95);
    }

    @Test
    void clampsOutOfRangeValues() {
        assertThat(InfernoColorMap.rgb(-3)).isEqualTo(InfernoColorMap.table()[0]);
        assertThat(InfernoColorMap.rgb(Double.NaN)).isEqualTo(InfernoColorMap.table()[0]);
        assertThat(InfernoColorMap.rgb(7)).isEqualTo(InfernoColorMap.table()[255]);
    }

    /** CIE 1976 L* of an sRGB colour. */
    private static double cieLightness(int rgb) {
        double y = 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
        return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : y * 24389.0 / 27;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
