package org.fvstudio.ui.view;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.effect.BlendMode;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import org.fvstudio.pose.Pose;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;

/**
 * The centre viewer: the selected reference image with its skeleton, or the target skeleton of the
 * current frame, fitted to the available space. The skeleton is a raster drawn with the DWPose
 * conventions (white-on-black lines), laid over a photo with {@link BlendMode#SCREEN} so black vanishes.
 */
public final class ViewerView extends BorderPane {

    private final StudioViewModel viewModel;
    private final Function<Pose, Optional<Image>> skeletonRenderer;
    private final ImageView photo = new ImageView();
    private final ImageView skeleton = new ImageView();
    private final Label message = new Label();
    private final Label caption = new Label();
    private final StackPane canvas = new StackPane(photo, skeleton, message);
    private Path shownPhoto;

    /**
     * @param skeletonRenderer draws a pose as an image of the pose's canvas size; empty when no
     *                         renderer is available in this build
     */
    public ViewerView(StudioViewModel viewModel, Function<Pose, Optional<Image>> skeletonRenderer) {
        this.viewModel = viewModel;
        this.skeletonRenderer = skeletonRenderer;
        setId("viewer");
        getStyleClass().add("viewer");

        ToggleGroup modes = new ToggleGroup();
        ToggleButton reference = new ToggleButton("Reference");
        reference.setId("viewReferenceButton");
        ToggleButton target = new ToggleButton("Target pose");
        target.setId("viewTargetButton");
        reference.setToggleGroup(modes);
        target.setToggleGroup(modes);
        reference.setOnAction(e -> viewModel.viewerModeProperty().set(ViewerMode.REFERENCE));
        target.setOnAction(e -> viewModel.viewerModeProperty().set(ViewerMode.TARGET));
        viewModel.viewerModeProperty().addListener((obs, old, mode) -> {
            reference.setSelected(mode == ViewerMode.REFERENCE);
            target.setSelected(mode == ViewerMode.TARGET);
        });
        reference.setSelected(viewModel.viewerModeProperty().get() == ViewerMode.REFERENCE);
        target.setSelected(viewModel.viewerModeProperty().get() == ViewerMode.TARGET);
        caption.setId("viewerCaption");
        HBox bar = new HBox(6, reference, target, caption);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);

        photo.setPreserveRatio(true);
        skeleton.setPreserveRatio(true);
        skeleton.setBlendMode(BlendMode.SCREEN);
        message.setId("viewerMessage");
        message.getStyleClass().add("empty-zone");
        message.setWrapText(true);
        canvas.getStyleClass().add("viewer-canvas");
        canvas.setMinSize(0, 0);
        // Fit to view: both layers follow the space the viewer is given.
        photo.fitWidthProperty().bind(canvas.widthProperty().subtract(16));
        photo.fitHeightProperty().bind(canvas.heightProperty().subtract(16));
        skeleton.fitWidthProperty().bind(canvas.widthProperty().subtract(16));
        skeleton.fitHeightProperty().bind(canvas.heightProperty().subtract(16));
        setCenter(canvas);

        viewModel.viewerModeProperty().addListener((obs, old, mode) -> refresh());
        viewModel.selectedReferenceProperty().addListener((obs, old, ref) -> refresh());
        viewModel.currentFrameProperty().addListener((obs, old, frame) -> refresh());
        viewModel.document().projectProperty().addListener((obs, old, project) -> refresh());
        refresh();
    }

    private void refresh() {
        if (viewModel.viewerModeProperty().get() == ViewerMode.REFERENCE) {
            showReference(viewModel.selectedReferenceProperty().get());
        } else {
            showTarget();
        }
    }

    private void showReference(Optional<ReferenceShot> selected) {
        if (selected.isEmpty()) {
            clear("No reference selected. Import reference images in the bin on the left.");
            caption.setText("");
            return;
        }
        ReferenceShot shot = selected.get();
        Path file = viewModel.referenceImagePath(shot);
        if (!file.equals(shownPhoto)) {
            photo.setImage(new Image(file.toUri().toString(), true));
            shownPhoto = file;
        }
        caption.setText(shot.name() + " · " + shot.scale().label() + (shot.enabled() ? "" : " · not used"));
        if (shot.pose().isEmpty()) {
            skeleton.setImage(null);
            message.setText("");
            caption.setText(caption.getText() + " · no skeleton yet (pose detection arrives with DWPose extraction)");
        } else {
            showSkeleton(shot.pose(), false);
        }
    }

    private void showTarget() {
        photo.setImage(null);
        shownPhoto = null;
        int frame = viewModel.currentFrameProperty().get();
        caption.setText("Target pose · frame " + frame);
        if (viewModel.project().target().isEmpty()) {
            clear("No target poses yet. Import a pose sequence (File ▸ Import pose sequence).");
            return;
        }
        Pose pose = viewModel.currentTargetPose();
        if (pose.isEmpty()) {
            clear("Nobody is posed at frame " + frame + ".");
            return;
        }
        showSkeleton(pose, true);
    }

    private void showSkeleton(Pose pose, boolean alone) {
        Optional<Image> drawn = skeletonRenderer.apply(pose);
        skeleton.setImage(drawn.orElse(null));
        message.setText(drawn.isPresent() ? "" : "Skeleton drawing is not available in this build.");
        if (alone) {
            photo.setImage(null);
        }
    }

    private void clear(String text) {
        photo.setImage(null);
        shownPhoto = null;
        skeleton.setImage(null);
        message.setText(text);
    }

    /** The image currently shown as the skeleton layer (for tests and snapshots). */
    public Image skeletonImage() {
        return skeleton.getImage();
    }

    public Image photoImage() {
        return photo.getImage();
    }

    public String messageText() {
        return message.getText();
    }
}
