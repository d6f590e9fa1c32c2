package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWindowsTest {

    @Test
    void windowsCoverTheSequenceWithTheLastAlignedToTheEnd() {
        assertThat(ContextWindows.starts(30, 12, 4)).containsExactly(0, 8, 16, 18);
        assertThat(ContextWindows.starts(12, 12, 4)).containsExactly(0);
        assertThat(ContextWindows.starts(5, 12, 4)).containsExactly(0);
        assertThat(ContextWindows.starts(7, 1, 0)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void blendingAveragesOverlapsWithTriangularWeights() {
        int length = 6;
        int size = 4;
        List<Integer> starts = ContextWindows.starts(length, size, 2); // 0, 2
        List<float[][]> preds = new ArrayList<>();
        preds.add(new float[][] {{1}, {1}, {1}, {1}});
        preds.add(new float[][] {{3}, {3}, {3}, {3}});
        float[][] out = ContextWindows.blend(length, size, starts, preds);
        assertThat(out[0][0]).isEqualTo(1f);
        assertThat(out[1][0]).isEqualTo(1f);
        // frame 2: window 0 at j=2 (weight 2), window 1 at j=0 (weight 1) -> (2*1 + 1*3) / 3
        assertThat((double) out[2][0]).isCloseTo(5.0 / 3, within(1e-6));
        // frame 3: window 0 at j=3 (weight 1), window 1 at j=1 (weight 2) -> (1 + 6) / 3
        assertThat((double) out[3][0]).isCloseTo(7.0 / 3, within(1e-6));
        assertThat(out[5][0]).isEqualTo(3f);
    }
}
