package org.fvstudio.ui.generation;

import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.ui.generation.pictures.FramePicture;
import org.fvstudio.ui.generation.pictures.PictureLoader;
import org.fvstudio.ui.studio.StudioViewModel;

/**
 * The generated frame beside the target skeleton of the current frame, or over it with a wipe slider; while
 * the frame is being denoised its live preview takes the generated frame's place. Shows the settings that made
 * the result, whether it is stale, and "Use these settings".
 */
public final class ResultCompareView extends VBox {

    public enum Layout { SIDE_BY_SIDE, OVERLAY }

    /** Side of the frame pictures: as large as the pane allows, within these bounds. */
    static final double MIN_SIZE = 96;
    static final double MAX_SIZE = 512;
    private static final double GAP = 8;
    /** One caption line above a picture, with its gap. */
    private static final double TITLE_HEIGHT = 22;

    private final StudioViewModel studio;
    private final GenerationWorkspace generation;
    private final Function<Pose, Optional<Image>> skeletons;
    private final DoubleProperty imageSize = new SimpleDoubleProperty(this, "imageSize", 300);
    private final ImageView skeleton = view(imageSize);
    private final ImageView generated = view(imageSize);
    private final ImageView overlayBase = view(imageSize);
    private final ImageView overlayTop = view(imageSize);
    private final Rectangle wipe = new Rectangle();
    private final Slider wipeSlider = new Slider(0, 1, 0.5);
    private final ToggleButton sideBySide = new ToggleButton("Side by side");
    private final ToggleButton overlay = new ToggleButton("Overlay");
    private final Label info = new Label();
    private final Button useSettings = new Button("Use these settings");
    private final HBox pair;
    private final VBox overlayBox;
    private final HBox bar;
    private final ReusedImage fullSize = new ReusedImage();
    private GeneratedFrame shown;
    private boolean shownStale;

    public ResultCompareView(GenerationWorkspace generation, Function<Pose, Optional<Image>> skeletons) {
        this.generation = generation;
        this.studio = generation.studio();
        this.skeletons = skeletons;
        setId("resultCompare");
        setSpacing(6);
        setPadding(new Insets(6));

        ToggleGroup layout = new ToggleGroup();
        sideBySide.setToggleGroup(layout);
        overlay.setToggleGroup(layout);
        sideBySide.setId("compareSideBySide");
        overlay.setId("compareOverlay");
        sideBySide.setSelected(true);
        layout.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
            showLayout();
        });
        wipeSlider.setId("compareWipe");
        wipeSlider.prefWidthProperty().bind(imageSize);
        wipe.widthProperty().bind(wipeSlider.valueProperty().multiply(imageSize));
        wipe.heightProperty().bind(imageSize);
        overlayTop.setClip(wipe);
        useSettings.setId("useSettingsButton");
        useSettings.setOnAction(e -> generation.useSettingsOf(studio.currentFrameProperty().get()));
        info.setId("resultInfo");
        skeleton.setId("targetSkeletonImage");
        generated.setId("generatedImage");
        info.setWrapText(true);

        pair = new HBox(GAP, titled("Target skeleton", skeleton), titled("Generated", generated));
        StackPane stack = new StackPane(overlayBase, overlayTop);
        stack.setAlignment(Pos.TOP_LEFT);
        stack.maxWidthProperty().bind(imageSize);
        stack.maxHeightProperty().bind(imageSize);
        overlayBox = new VBox(4, new Label("Skeleton ◀ wipe ▶ generated"), stack, wipeSlider);
        for (Region control : new Region[] {sideBySide, overlay, useSettings}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar = new HBox(GAP, sideBySide, overlay, useSettings);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(bar, info, pair, overlayBox);
        // The split pane decides this view's size; the pictures follow it instead of holding it open.
        setMinSize(0, 0);
        widthProperty().addListener((obs, old, now) -> fitImages());
        heightProperty().addListener((obs, old, now) -> fitImages());
        info.heightProperty().addListener((obs, old, now) -> fitImages());

        studio.currentFrameProperty().addListener((obs, old, now) -> refresh());
        studio.document().projectProperty().addListener((obs, old, now) -> refresh());
        generation.results().changesProperty().addListener((obs, old, now) -> {
            int frame = studio.currentFrameProperty().get();
            if (generation.results().at(frame).orElse(null) != shown || generation.results().isStale(frame) != shownStale) {
                refresh();
            }
        });
        generation.results().loadingProperty().addListener((obs, old, now) -> refresh());
        generation.service().previewProperty().addListener((obs, old, now) -> showPreview(now));
        showLayout();
        refresh();
    }

    public void setCompareLayout(Layout layout) {
        (layout == Layout.OVERLAY ? overlay : sideBySide).setSelected(true);
    }

    public Layout compareLayout() {
        return overlay.isSelected() ? Layout.OVERLAY : Layout.SIDE_BY_SIDE;
    }

    public Image generatedImage() {
        return generated.getImage();
    }

    public Image skeletonImage() {
        return skeleton.getImage();
    }

    public Slider wipeSlider() {
        return wipeSlider;
    }

    /** Side of the pictures now shown, in pixels. */
    public double imageSize() {
        return imageSize.get();
    }

    /** Pictures as large as the room left under the buttons and the info line allows. */
    private void fitImages() {
        Insets pad = getInsets();
        double width = getWidth() - pad.getLeft() - pad.getRight();
        double titles = 2 * getSpacing() + TITLE_HEIGHT;
        double height = getHeight() - pad.getTop() - pad.getBottom() - bar.getHeight() - info.getHeight() - titles;
        double side = overlay.isSelected()
                ? Math.min(width, height - wipeSlider.getHeight() - 4)
                : Math.min((width - GAP) / 2, height);
        imageSize.set(Math.floor(Math.max(MIN_SIZE, Math.min(MAX_SIZE, side))));
    }

    private void showLayout() {
        boolean side = !overlay.isSelected();
        pair.setVisible(side);
        pair.setManaged(side);
        overlayBox.setVisible(!side);
        overlayBox.setManaged(!side);
        fitImages();
    }

    private void refresh() {
        int frame = studio.currentFrameProperty().get();
        Image target = studio.project().frameCount() > 0 ? skeletons.apply(studio.currentTargetPose()).orElse(null) : null;
        skeleton.setImage(target);
        overlayBase.setImage(target);
        Optional<GeneratedFrame> result = generation.results().at(frame);
        shown = result.orElse(null);
        shownStale = generation.results().isStale(frame);
        Image picture = result.map(this::pictureOf).orElse(null);
        generated.setImage(picture);
        overlayTop.setImage(picture);
        useSettings.setDisable(result.isEmpty());
        info.setText(result.map(r -> describe(r, generation.results().isStale(frame)))
                .orElse(generation.results().isLoading() ? "Frame " + frame + ": " + generation.results().loadingText()
                        : "Frame " + frame + " has not been generated yet."));
    }

    /**
     * The full-size picture when it is in memory; otherwise its thumbnail, at once, while the picture is read
     * again from the render cache, then shown if the frame is still the one on screen.
     */
    private Image pictureOf(GeneratedFrame result) {
        FramePicture picture = result.picture();
        Optional<RgbImage> full = picture.resident();
        if (full.isPresent()) {
            return fullSize.show(full.get());
        }
        generation.loadPicture(picture, outcome -> {
            if (shown != result) {
                return;
            }
            if (outcome instanceof PictureLoader.Outcome.Unreadable unreadable) {
                studio.statusProperty().set("Frame " + result.frame() + ": " + unreadable.problem());
            } else if (generation.service().previewProperty().get() == null) {
                // Only the picture changes: the skeleton and the caption shown are already this frame's.
                picture.resident().ifPresent(loaded -> {
                    Image image = fullSize.show(loaded);
                    generated.setImage(image);
                    overlayTop.setImage(image);
                });
            }
        });
        return FxImages.of(picture.thumbnail());
    }

    private void showPreview(GenerationService.Preview preview) {
        if (preview != null && preview.frame() == studio.currentFrameProperty().get()) {
            Image image = FxImages.of(preview.image());
            generated.setImage(image);
            overlayTop.setImage(image);
            info.setText("Frame " + preview.frame() + ": preview after step " + preview.step());
        } else if (preview == null) {
            refresh();
        }
    }

    static String describe(GeneratedFrame r, boolean stale) {
        var s = r.settings();
        return String.format("Frame %d%s · %s · %s · %d steps · guidance %.2f · seed %d · K %s · %s, %.2f s",
                r.frame(), stale ? " · STALE (inputs changed)" : "", s.packId().replaceAll(".*[/\\\\]", ""),
                s.device(), s.steps(), s.guidance(), s.seed(), s.tokenBudget() == 0 ? "pack default" : s.tokenBudget(),
                r.device(), r.seconds());
    }

    private static ImageView view(DoubleProperty size) {
        ImageView view = new ImageView();
        view.fitWidthProperty().bind(size);
        view.fitHeightProperty().bind(size);
        view.setPreserveRatio(true);
        return view;
    }

    private static VBox titled(String title, ImageView view) {
        return new VBox(2, new Label(title), view);
    }
}
