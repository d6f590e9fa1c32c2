package org.fvstudio.inference.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    /** Brute force: sort every index by (score desc, index asc) and take the head. */
    private static int[] bySorting(float[] scores, int k) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void agreesWithFullSortOnRandomDataWithAndWithoutTies() {
        Random r = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(3000);
            int k = 1 + r.nextInt(600);
            boolean ties = trial % 2 == 0;
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                // quantised values make many exact ties
                scores[i] = ties ? r.nextInt(7) - 3 : (float) r.nextGaussian();
            }
            assertThat(TopK.select(scores, k)).as("n=%d k=%d", n, k).containsExactly(bySorting(scores, k));
        }
    }

    @Test
    void tiesGoToTheSmallerIndex() {
        float[] scores = {1, 5, 5, 2, 5, 5};
        assertThat(TopK.select(scores, 3)).containsExactly(1, 2, 4);
        assertThat(TopK.select(scores, 10)).containsExactly(1, 2, 4, 5, 3, 0);
        assertThat(TopK.select(scores, 0)).isEmpty();
    }

    @Test
    void refusesNaN() {
        float[] scores = new float[10];
        Arrays.fill(scores, 1);
        scores[7] = Float.NaN;
        assertThatThrownBy(() -> TopK.select(scores, 3)).hasMessageContaining("score 7 is NaN");
    }
}
