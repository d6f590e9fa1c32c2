package org.fvstudio.ui.heatmap;

import java.util.function.Consumer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.export.HeatmapRange;
import org.fvstudio.ui.generation.TokenMask;
import org.fvstudio.ui.generation.ReferenceColors;

/**
 * One reference of the current frame: its picture with the correlation map over it, the selected tokens as
 * dots, its share of the selected tokens as a percentage and a bar. Hovering reports the value under the
 * pointer and whether that token was selected; a click opens the reference in the editor.
 */
public final class HeatmapTile extends VBox {

    public static final int SIZE = 168;

    private final String name;
    private final ReferenceResult result;
    private final HeatmapRange range;
    private final TokenMask mask;
    private final int referenceIndex;
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Canvas dots = new Canvas(SIZE, SIZE);
    private final StackPane pictureStack;

    public HeatmapTile(String name, Image picture, ReferenceResult result, int referenceIndex, HeatmapRange range,
                       TokenMask mask, DoubleProperty opacity, boolean showMask, Consumer<String> open) {
        this.name = name;
        this.result = result;
        this.range = range;
        this.mask = mask;
        this.referenceIndex = referenceIndex;
        setId("heatmap-" + result.referenceId());
        getStyleClass().add("heatmap-tile");
        setSpacing(3);
        setPadding(new Insets(4));

        ImageView photo = new ImageView(picture);
        photo.setFitWidth(SIZE);
        photo.setFitHeight(SIZE);
        photo.setPreserveRatio(false);
        ImageView heat = new ImageView(HeatmapImages.colour(result.correlation(), range, SIZE, SIZE));
        heat.getStyleClass().add("heatmap-overlay");
        heat.opacityProperty().bind(opacity);
        drawMask(showMask);
        StackPane stack = new StackPane(photo, heat, dots);
        pictureStack = stack;
        stack.setCursor(Cursor.CROSSHAIR);
        stack.setOnMouseMoved(e -> hover(e.getX() / SIZE, e.getY() / SIZE));
        stack.setOnMouseExited(e -> hoverText.set(""));
        stack.setOnMouseClicked(e -> open.accept(result.referenceId()));
        Tooltip.install(stack, new Tooltip("Click to open " + name + " in the editor"));

        Label title = new Label(name);
        title.getStyleClass().add("heatmap-title");
        Label percent = new Label(String.format("%.1f %%", result.share() * 100));
        percent.getStyleClass().add("share-label");
        percent.setId("share-" + result.referenceId());
        ProgressBar bar = new ProgressBar(result.share());
        bar.getStyleClass().add("share-bar");
        bar.setPrefWidth(SIZE - 60);
        bar.setStyle("-fx-accent: " + ReferenceColors.css(referenceIndex) + ";");
        HBox share = new HBox(6, bar, percent);
        getChildren().setAll(title, stack, share);
    }

    /** The picture with its overlay: hovering and clicking happen here. */
    public StackPane picture() {
        return pictureStack;
    }

    public String referenceId() {
        return result.referenceId();
    }

    public double share() {
        return result.share();
    }

    /** "Close-up: correlation 0.532 · selected" for the point under the pointer, empty when outside. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** What hovering at {@code u, v} (fractions of the picture) reports. */
    public String describePoint(double u, double v) {
        var map = result.correlation();
        float value = map.sample(u * map.width(), v * map.height());
        boolean selected = mask.isSelected(referenceIndex, u, v);
        return String.format("%s: correlation %.4f (%.0f %% of the scale) · %s", name, value,
                range.normalise(value) * 100, selected ? "selected" : "not selected");
    }

    private void hover(double u, double v) {
        if (u < 0 || v < 0 || u >= 1 || v >= 1) {
            hoverText.set("");
        } else {
            hoverText.set(describePoint(u, v));
        }
    }

    private void drawMask(boolean show) {
        GraphicsContext g = dots.getGraphicsContext2D();
        g.clearRect(0, 0, SIZE, SIZE);
        if (!show) {
            return;
        }
        boolean[] cells = mask.cellsOf(referenceIndex);
        double cw = SIZE / (double) mask.gridW();
        double ch = SIZE / (double) mask.gridH();
        double r = Math.max(1.5, Math.min(cw, ch) * 0.18);
        g.setFill(Color.rgb(0, 255, 200, 0.9));
        g.setStroke(Color.BLACK);
        g.setLineWidth(0.8);
        for (int y = 0; y < mask.gridH(); y++) {
            for (int x = 0; x < mask.gridW(); x++) {
                if (cells[y * mask.gridW() + x]) {
                    double cx = (x + 0.5) * cw;
                    double cy = (y + 0.5) * ch;
                    g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                    g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
                }
            }
        }
    }
}
