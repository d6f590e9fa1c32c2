package org.fvstudio.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void zoomKeepsThePointUnderTheCursorAndFitCentres() {
        Viewport viewport = new Viewport();
        viewport.fit(800, 600, 512, 512, 16);
        assertThat(viewport.zoom()).isCloseTo(568 / 512.0, within(1e-12));
        double[] centre = viewport.toScreen(256, 256);
        assertThat(centre[0]).isCloseTo(400, within(1e-9));
        assertThat(centre[1]).isCloseTo(300, within(1e-9));

        double[] under = viewport.toCanvas(123, 456);
        viewport.zoomAround(123, 456, 3);
        double[] still = viewport.toCanvas(123, 456);
        assertThat(still[0]).isCloseTo(under[0], within(1e-9));
        assertThat(still[1]).isCloseTo(under[1], within(1e-9));
        assertThat(viewport.zoom()).isCloseTo(3 * 568 / 512.0, within(1e-12));

        viewport.panBy(10, -5);
        double[] panned = viewport.toScreen(still[0], still[1]);
        assertThat(panned[0]).isCloseTo(133, within(1e-9));
        assertThat(panned[1]).isCloseTo(451, within(1e-9));

        viewport.zoomAround(0, 0, 1e9);
        assertThat(viewport.zoom()).isEqualTo(Viewport.MAX_ZOOM);
    }
}
