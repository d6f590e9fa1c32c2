package org.fvstudio.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.fvstudio.pose.render.RgbImage;

class HeatmapOverlayTest {

    @TempDir
    static Path work;

    static List<RgbImage> frames;
    static FloatMap map;

    @BeforeAll
    static void load() throws IOException {
        frames = TestVideos.pose2simFrames(work);
        map = MotionMaps.motion(frames.get(40), frames.get(0), 17, 30);
    }

    @Test
    void colourisesTheMinimumBlackishAndTheMaximumPaleYellow() {
        RgbImage heat = HeatmapOverlay.colorize(map, HeatmapRange.of(map), 17, 30);
        int argMax = 0;
        int argMin = 0;
        float[] values = map.values();
        for (int i = 1; i < values.length; i++) {
            argMax = values[i] > values[argMax] ? i : argMax;
            argMin = values[i] < values[argMin] ? i : argMin;
        }
        assertThat(heat.rgb(argMax % 17, argMax / 17)).isEqualTo(InfernoColorMap.rgb(1));
        assertThat(heat.rgb(argMin % 17, argMin / 17)).isEqualTo(InfernoColorMap.rgb(0));
    }

    @Test
    void opacityBlendsBetweenImageAndHeatmap() {
        RgbImage base = frames.get(0);
        HeatmapRange range = HeatmapRange.of(map);
        RgbImage heat = HeatmapOverlay.colorize(map, range, base.width(), base.height());

        assertThat(Images.samePixels(HeatmapOverlay.overlay(base, map, range, 0), base)).isTrue();
        assertThat(Images.samePixels(HeatmapOverlay.overlay(base, map, range, 1), heat)).isTrue();
        RgbImage half = HeatmapOverlay.overlay(base, map, range, 0.5);
        int x = 60;
        int y = 120;
        int expectedRed = (int) Math.round(((base.rgb(x, y) >> 16 & 0xFF) + (heat.rgb(x, y) >> 16 & 0xFF)) / 2.0);
        assertThat(half.rgb(x, y) >> 16 & 0xFF).isBetween(expectedRed - 1, expectedRed + 1);
    }

    @Test
    void aSharedRangeSpansEveryMap() {
        FloatMap other = MotionMaps.motion(frames.get(10), frames.get(0), 17, 30);
        HeatmapRange shared = HeatmapRange.shared(List.of(map, other));
        assertThat(shared.min()).isEqualTo(Math.min(map.min(), other.min()));
        assertThat(shared.max()).isEqualTo(Math.max(map.max(), other.max()));
        assertThat(shared.normalise(shared.max())).isEqualTo(1.0);
    }

    @Test
    void refusesAnOpacityOutsideZeroToOne() {
        assertThatThrownBy(() -> HeatmapOverlay.overlay(frames.get(0), map, HeatmapRange.of(map), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }
}
