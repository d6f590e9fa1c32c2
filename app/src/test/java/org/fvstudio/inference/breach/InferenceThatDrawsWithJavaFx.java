package org.fvstudio.inference.breach;

import javafx.scene.paint.Color;

/** A deliberate breach of the layer rules (inference using JavaFX), for LayerRulesTest to catch. Test code only. */
public final class InferenceThatDrawsWithJavaFx {

    private InferenceThatDrawsWithJavaFx() {
    }

    public static Color heatmapColour(double value) {
        return Color.gray(value);
    }
}
