package org.fvstudio.inference.golden;

import static org.assertj.core.api.Assertions.assertThat;

import org.fvstudio.inference.pipeline.TestProjects;
import org.junit.jupiter.api.Test;

class NpyTest {

    @Test
    void readsFilesWrittenByNumpy() throws Exception {
        Npy f = Npy.read(TestProjects.resource("npy/f32.npy"));
        assertThat(f.shape()).containsExactly(2, 3, 4);
        assertThat(f.floats()[23]).isEqualTo(23f / 7);
        Npy i = Npy.read(TestProjects.resource("npy/i64.npy"));
        assertThat(i.shape()).containsExactly(1, 3);
        assertThat(i.longs()).containsExactly(5, -1, 3_000_000_000L);
    }
}
