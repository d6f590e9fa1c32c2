package org.fvstudio.ui.coverage;

import java.util.Locale;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.fvstudio.coverage.BodyRegion;
import org.fvstudio.coverage.FeedMatrix;

/**
 * "Who feeds what": a small body-region x reference matrix, each cell the share of the selected tokens that the
 * reference gave that region, coloured from white (none) to orange (the largest share shown).
 */
final class FeedMatrixView extends GridPane {

    private static final double CELL = 48;
    private static final Color EMPTY = Color.web("#2b2b2b");
    private static final Color FULL = Color.web("#f08a24");

    FeedMatrixView() {
        setId("feedMatrix");
        setHgap(2);
        setVgap(2);
        setPadding(new Insets(2));
    }

    /** One row per body region, one column per reference. @param names the display name of a reference id */
    void show(FeedMatrix feed, Function<String, String> names) {
        getChildren().clear();
        BodyRegion[] regions = BodyRegion.values();
        double max = 0;
        for (int n = 0; n < feed.referenceIds().size(); n++) {
            for (BodyRegion region : regions) {
                max = Math.max(max, feed.share(n, region));
            }
        }
        for (int n = 0; n < feed.referenceIds().size(); n++) {
            String name = names.apply(feed.referenceIds().get(n));
            Label head = new Label(name.length() > 10 ? name.substring(0, 9) + "…" : name);
            head.setTooltip(new Tooltip(name));
            head.setMinWidth(CELL);
            head.setAlignment(Pos.CENTER);
            add(head, n + 1, 0);
            for (int r = 0; r < regions.length; r++) {
                double share = feed.share(n, regions[r]);
                Label cell = new Label(String.format(Locale.ROOT, "%.0f%%", 100 * share));
                cell.setId("feed-" + feed.referenceIds().get(n) + "-" + regions[r].jsonName());
                cell.setMinWidth(CELL);
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setAlignment(Pos.CENTER);
                Color colour = EMPTY.interpolate(FULL, max > 0 ? share / max : 0);
                cell.setStyle("-fx-background-color: " + web(colour) + "; -fx-text-fill: "
                        + (colour.getBrightness() > 0.6 ? "black" : "white") + ";");
                cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s → %s: %.1f %% of the selected tokens",
                        name, regions[r].label(), 100 * share)));
                add(cell, n + 1, r + 1);
            }
        }
        for (int r = 0; r < regions.length; r++) {
            Label label = new Label(regions[r].label());
            label.setMinWidth(Region.USE_PREF_SIZE);
            add(label, 0, r + 1);
        }
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
