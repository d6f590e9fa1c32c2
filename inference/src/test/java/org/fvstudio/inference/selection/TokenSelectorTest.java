package org.fvstudio.inference.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenSelectorTest {

    private final Random random = new Random(7);

    private float[][] randomMaps(int n, int size) {
        float[][] m = new float[n][size];
        for (float[] row : m) {
            for (int i = 0; i < size; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void keepsTheBestCellsOverAllReferencesAndFusesTheirFeatures() {
        int n = 3;
        BankSpec bank = new BankSpec("g8", 8, 8, 5, 20);
        float[][] corr = randomMaps(n, 16 * 16);
        float[][] feats = randomMaps(n, 5 * 8 * 8);
        BankSelection s = new TokenSelector(new SelectionRule(false, false, Weighting.TWO_SIGMOID)).select(corr, 16, 16, feats, bank);

        // brute force: every cell's score as the 2x2 block mean, sorted
        float[] all = new float[n * 64];
        for (int r = 0; r < n; r++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    float[] m = corr[r];
                    all[r * 64 + y * 8 + x] = (m[2 * y * 16 + 2 * x] + m[2 * y * 16 + 2 * x + 1]
                            + m[(2 * y + 1) * 16 + 2 * x] + m[(2 * y + 1) * 16 + 2 * x + 1]) / 4;
                }
            }
        }
        Integer[] order = new Integer[all.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(all[b], all[a]));
        int[] counts = new int[n];
        for (int slot = 0; slot < 20; slot++) {
            int index = order[slot];
            assertThat(s.indices()[slot]).isEqualTo(index);
            double w = 2 / (1 + Math.exp(-all[index]));
            assertThat((double) s.weights()[slot]).isCloseTo(w, within(1e-5));
            int ref = index / 64;
            int cell = index % 64;
            counts[ref]++;
            for (int ch = 0; ch < 5; ch++) {
                assertThat((double) s.tokens()[slot * 5 + ch]).isCloseTo(w * feats[ref][ch * 64 + cell], within(1e-5));
            }
        }
        assertThat(s.countsPerReference()).containsExactly(counts);
        assertThat(s.shares()[0] + s.shares()[1] + s.shares()[2]).isCloseTo(1.0, within(1e-12));
        int maskCells = 0;
        for (int r = 0; r < n; r++) {
            for (boolean b : s.mask(r)) {
                maskCells += b ? 1 : 0;
            }
        }
        assertThat(maskCells).isEqualTo(20);
    }

    @Test
    void padsWithZeroWeightWhenThereAreFewerTokensThanK() {
        BankSpec bank = new BankSpec("g2", 2, 2, 3, 10);
        BankSelection s = new TokenSelector(new SelectionRule(false, false, Weighting.TWO_SIGMOID))
                .select(randomMaps(2, 4), 2, 2, randomMaps(2, 12), bank);
        assertThat(s.keptCount()).isEqualTo(8);
        assertThat(s.k()).isEqualTo(10);
        assertThat(s.indices()[8]).isEqualTo(-1);
        assertThat(s.weights()[9]).isZero();
        assertThat(s.tokens()[9 * 3 + 2]).isZero();
        assertThat(s.shares()[0] + s.shares()[1]).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void softmaxScoresSumToOneOverAllTokensAndBecomeTheWeights() {
        BankSpec bank = new BankSpec("g4", 4, 4, 2, 32);
        float[][] corr = randomMaps(2, 16);
        BankSelection s = new TokenSelector(new SelectionRule(false, true, Weighting.SCORE)).select(corr, 4, 4, randomMaps(2, 32), bank);
        double sum = 0;
        double z = 0;
        for (float[] m : corr) {
            for (float v : m) {
                z += Math.exp(v);
            }
        }
        for (int slot = 0; slot < 32; slot++) {
            sum += s.weights()[slot];
            int i = s.indices()[slot];
            assertThat((double) s.scores()[slot]).isCloseTo(Math.exp(corr[i / 16][i % 16]) / z, within(1e-6));
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
    }
}
