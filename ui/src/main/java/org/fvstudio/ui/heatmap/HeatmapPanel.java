package org.fvstudio.ui.heatmap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.HeatmapRange;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.generation.GeneratedFrame;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;

/**
 * For the current frame, every reference that fed it with its correlation map overlaid, the selected tokens
 * and its share; opacity, shared or per-map colour scale with a legend, and the value under the pointer.
 */
public final class HeatmapPanel extends VBox {

    /** Tiles shrink to this fraction of their size to fit the pane; below it the pane scrolls instead. */
    static final double MIN_TILE_SCALE = 0.5;
    private static final double GAP = 8;

    private final StudioViewModel studio;
    private final GenerationWorkspace generation;
    private final Consumer<String> afterOpen;
    private final Slider opacity = new Slider(0, 1, 0.6);
    private final ToggleButton shared = new ToggleButton("Shared scale");
    private final ToggleButton perMap = new ToggleButton("Per-map scale");
    private final CheckBox showMask = new CheckBox("Selected tokens");
    private final FlowPane tiles = new FlowPane(GAP, GAP);
    private final ScrollPane scroll = new ScrollPane();
    private final Scale tileScale = new Scale(1, 1);
    private final Label legendMin = new Label();
    private final Label legendMax = new Label();
    private final Label legendNote = new Label();
    private final Label hover = new Label(" ");
    private final Label empty = new Label();
    private final Map<Path, Image> pictures = new HashMap<>();
    private GeneratedFrame shown;

    /** @param afterOpen runs after a click opened a reference (the window shows the editor then) */
    public HeatmapPanel(StudioViewModel studio, GenerationWorkspace generation, Consumer<String> afterOpen) {
        this.studio = studio;
        this.generation = generation;
        this.afterOpen = afterOpen;
        setId("heatmapPanel");
        setSpacing(6);
        setPadding(new Insets(6));

        opacity.setId("heatmapOpacity");
        opacity.setPrefWidth(120);
        ToggleGroup scale = new ToggleGroup();
        shared.setToggleGroup(scale);
        perMap.setToggleGroup(scale);
        shared.setId("heatmapSharedScale");
        perMap.setId("heatmapPerMapScale");
        shared.setSelected(true);
        scale.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two is always on
            } else {
                rebuild();
            }
        });
        showMask.setId("heatmapShowMask");
        showMask.setSelected(true);
        showMask.selectedProperty().addListener((obs, old, now) -> rebuild());
        HBox controls = new HBox(8, new Label("Opacity"), opacity, shared, perMap, showMask);
        controls.setAlignment(Pos.CENTER_LEFT);

        ImageView bar = new ImageView(HeatmapImages.legendBar(120, 10));
        HBox legend = new HBox(6, legendMin, bar, legendMax, legendNote);
        legend.setId("heatmapLegend");
        legend.setAlignment(Pos.CENTER_LEFT);
        // Controls and legend share one line when the pane is wide enough: the room is for the maps.
        FlowPane header = new FlowPane(16, 4, controls, legend);
        hover.setId("heatmapHover");
        empty.getStyleClass().add("empty-zone");
        empty.setId("heatmapEmpty");

        scroll.setContent(tiles);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(header, hover, empty, scroll);
        setMinSize(0, 0);
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> fitTiles());

        studio.currentFrameProperty().addListener((obs, old, now) -> rebuild());
        // Other frames finishing must not cost the FX thread a redraw of this one.
        generation.results().changesProperty().addListener((obs, old, now) -> {
            if (generation.results().at(studio.currentFrameProperty().get()).orElse(null) != shown) {
                rebuild();
            }
        });
        studio.document().projectProperty().addListener((obs, old, now) -> rebuild());
        generation.results().loadingProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    public DoubleProperty heatmapOpacityProperty() {
        return opacity.valueProperty();
    }

    public BooleanProperty sharedScaleProperty() {
        return shared.selectedProperty();
    }

    public List<HeatmapTile> tiles() {
        return tiles.getChildren().stream().map(node -> (HeatmapTile) ((Group) node).getChildren().get(0)).toList();
    }

    /** How much the tiles are scaled to fit the pane (1 = full size). */
    public double tileScale() {
        return tileScale.getX();
    }

    /**
     * The largest scale (at most 1) at which every tile fits the visible part of the pane, over every way of
     * breaking them into rows; a pane too small even at {@link #MIN_TILE_SCALE} scrolls.
     */
    static double fittingScale(int count, double tileWidth, double tileHeight, double width, double height) {
        if (count == 0 || tileWidth <= 0 || tileHeight <= 0 || width <= 0 || height <= 0) {
            return 1;
        }
        double best = 0;
        for (int columns = 1; columns <= count; columns++) {
            int rows = (count + columns - 1) / columns;
            double across = (width - (columns - 1) * GAP - 1) / (columns * tileWidth);
            double down = (height - (rows - 1) * GAP - 1) / (rows * tileHeight);
            best = Math.max(best, Math.min(across, down));
        }
        return Math.max(MIN_TILE_SCALE, Math.min(1, best));
    }

    private void fitTiles() {
        List<HeatmapTile> shownTiles = tiles();
        if (shownTiles.isEmpty()) {
            return;
        }
        HeatmapTile first = shownTiles.get(0);
        double scale = fittingScale(shownTiles.size(), first.prefWidth(-1), first.prefHeight(-1),
                scroll.getViewportBounds().getWidth(), scroll.getViewportBounds().getHeight());
        tileScale.setX(scale);
        tileScale.setY(scale);
    }

    private void rebuild() {
        int frame = studio.currentFrameProperty().get();
        Optional<GeneratedFrame> result = generation.results().at(frame);
        shown = result.orElse(null);
        tiles.getChildren().clear();
        hover.setText(" ");
        if (result.isEmpty() || result.get().references().isEmpty()) {
            empty.setText(generation.results().isLoading() && result.isEmpty()
                    ? "Frame " + frame + ": " + generation.results().loadingText()
                    : "Frame " + frame + " has not been generated yet: no correlation maps to show.");
            empty.setVisible(true);
            empty.setManaged(true);
            legendMin.setText("");
            legendMax.setText("");
            legendNote.setText("");
            return;
        }
        empty.setVisible(false);
        empty.setManaged(false);
        GeneratedFrame generated = result.get();
        List<FloatMap> maps = generated.references().stream().map(ReferenceResult::correlation).toList();
        HeatmapRange common = HeatmapRange.shared(maps);
        boolean sharedScale = shared.isSelected();
        if (sharedScale) {
            legendMin.setText(String.format("%.3f", common.min()));
            legendMax.setText(String.format("%.3f", common.max()));
            legendNote.setText("one scale for all maps");
        } else {
            legendMin.setText("min");
            legendMax.setText("max");
            legendNote.setText("each map over its own range");
        }
        Project project = studio.project();
        List<HeatmapTile> made = new ArrayList<>();
        for (int i = 0; i < generated.references().size(); i++) {
            ReferenceResult reference = generated.references().get(i);
            Optional<ReferenceShot> shot = project.reference(reference.referenceId());
            String name = shot.map(ReferenceShot::name).orElse(reference.referenceId() + " (removed)");
            HeatmapRange range = sharedScale ? common : HeatmapRange.of(reference.correlation());
            HeatmapTile tile = new HeatmapTile(name, shot.map(this::picture).orElse(blank()), reference, i, range,
                    generated.mask(), opacity.valueProperty(), showMask.isSelected(), this::open);
            tile.hoverTextProperty().addListener((obs, old, now) -> hover.setText(now.isEmpty() ? " " : now));
            made.add(tile);
        }
        tiles.getChildren().setAll(made.stream().map(tile -> {
            tile.getTransforms().setAll(tileScale);
            return new Group(tile);
        }).toList());
        fitTiles();
    }

    private void open(String referenceId) {
        if (studio.project().reference(referenceId).isEmpty()) {
            studio.statusProperty().set("Reference " + referenceId + " is no longer in the project");
            return;
        }
        studio.selectedReferenceIdProperty().set(referenceId);
        studio.viewerModeProperty().set(ViewerMode.REFERENCE);
        afterOpen.accept(referenceId);
    }

    private Image picture(ReferenceShot shot) {
        Path file = studio.referenceImagePath(shot);
        if (!Files.isRegularFile(file)) {
            return blank();
        }
        // Loaded in the background by JavaFX; the tile shows it when ready.
        return pictures.computeIfAbsent(file, f -> new Image(f.toUri().toString(), HeatmapTile.SIZE, HeatmapTile.SIZE,
                false, true, true));
    }

    private static Image blank() {
        return new WritableImage(1, 1);
    }
}
