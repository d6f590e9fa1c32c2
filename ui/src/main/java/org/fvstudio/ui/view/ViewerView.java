package org.fvstudio.ui.view;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.timeline.KeyframeEdits;
import org.fvstudio.ui.timeline.TrackId;
import org.fvstudio.ui.video.DrivingVideoFrames;
import org.fvstudio.ui.icons.Icons;

/**
 * The centre viewer and skeleton editor: the selected reference image with its skeleton, or the
 * target skeleton of the current frame with the neighbouring keyframes as onion skin over the driving
 * video's frame. The skeleton
 * layer is the DWPose raster (laid over the photo with {@link javafx.scene.effect.BlendMode#SCREEN}
 * so black vanishes); handles are vectors on top, see {@link SkeletonCanvas}.
 */
public final class ViewerView extends BorderPane {

    private final StudioViewModel viewModel;
    private final SkeletonEditor editor;
    private final Function<Pose, Optional<Image>> skeletonRenderer;
    private final SkeletonCanvas canvas;
    private final Label message = new Label();
    private final Label caption = new Label();
    private final DrivingVideoFrames videoFrames = new DrivingVideoFrames();
    private final BooleanProperty showDrivingVideo = new SimpleBooleanProperty(this, "showDrivingVideo", true);
    private Path shownPhoto;
    private Image shownPhotoImage;

    /**
     * @param skeletonRenderer draws a pose as an image of the pose's canvas size; empty when no
     *                         renderer is available in this build
     */
    public ViewerView(StudioViewModel viewModel, SkeletonEditor editor, Function<Pose, Optional<Image>> skeletonRenderer) {
        this.viewModel = viewModel;
        this.editor = editor;
        this.skeletonRenderer = skeletonRenderer;
        this.canvas = new SkeletonCanvas(editor, skeletonRenderer);
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
        caption.setMinWidth(0);

        ToggleButton keepLengths = new ToggleButton("Keep bone lengths");
        keepLengths.setId("keepLengthsToggle");
        keepLengths.setTooltip(new Tooltip("Dragging a joint swings it about its parent; its children follow"));
        keepLengths.selectedProperty().bindBidirectional(editor.keepBoneLengthsProperty());
        ToggleButton cameraView = new ToggleButton("Camera view");
        cameraView.setId("cameraViewToggle");
        cameraView.setTooltip(new Tooltip("Show the target through the virtual camera (what the model sees) instead of the raw track (C)"));
        cameraView.selectedProperty().bindBidirectional(editor.cameraViewProperty());
        Button fit = new Button(null, Icons.fit());
        fit.setId("fitButton");
        fit.setTooltip(new Tooltip("Fit to view (F)"));
        fit.setOnAction(e -> canvas.fitToView());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        // The buttons keep their captions whole; the caption has a line of its own and may shorten (tooltip: all).
        for (Region control : new Region[] {reference, target, keepLengths, cameraView, fit}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(6, reference, target, spring, keepLengths, cameraView, fit);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Tooltip captionTip = new Tooltip();
        captionTip.textProperty().bind(caption.textProperty());
        caption.setTooltip(captionTip);
        VBox bar = new VBox(2, buttons, caption);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);

        message.setId("viewerMessage");
        message.getStyleClass().add("empty-zone");
        message.setWrapText(true);
        message.setMouseTransparent(true);
        StackPane centre = new StackPane(canvas, message);
        centre.getStyleClass().add("viewer-canvas");
        centre.setMinSize(0, 0);
        setCenter(centre);

        viewModel.viewerModeProperty().addListener((obs, old, mode) -> refresh());
        viewModel.selectedReferenceProperty().addListener((obs, old, ref) -> refresh());
        viewModel.currentFrameProperty().addListener((obs, old, frame) -> refresh());
        viewModel.document().projectProperty().addListener((obs, old, project) -> refresh());
        editor.cameraViewProperty().addListener((obs, old, on) -> refresh());
        showDrivingVideo.addListener((obs, old, on) -> refresh());
        viewModel.drivingVideoProperty().addListener((obs, old, video) -> {
            videoFrames.retryFailed();
            refresh();
        });
        // Opening already warned in the status bar about a missing video; the caption keeps saying so.
        videoFrames.problemProperty().addListener((obs, old, problem) -> refresh());
        refresh();
    }

    /** Whether the driving video's frame is shown behind the target (View menu). */
    public BooleanProperty showDrivingVideoProperty() {
        return showDrivingVideo;
    }

    /** The decoder of the driving video's frames; close it when the window goes. */
    public DrivingVideoFrames videoFrames() {
        return videoFrames;
    }

    public SkeletonCanvas canvas() {
        return canvas;
    }

    private void refresh() {
        if (viewModel.viewerModeProperty().get() == ViewerMode.REFERENCE) {
            showReference(viewModel.selectedReferenceProperty().get());
        } else {
            showTarget();
        }
        canvas.drawOverlay();
    }

    private void showReference(Optional<ReferenceShot> selected) {
        canvas.setOnion(null, null);
        canvas.setVideoFrame(null);
        videoFrames.cancelRequest();
        if (selected.isEmpty()) {
            clear("No reference selected. Import reference images in the bin on the left.");
            caption.setText("");
            return;
        }
        ReferenceShot shot = selected.get();
        Path file = viewModel.referenceImagePath(shot);
        canvas.setCanvasSize(shot.pose().canvasWidth(), shot.pose().canvasHeight());
        if (!file.equals(shownPhoto)) {
            shownPhotoImage = photo(file, shot.pose());
            shownPhoto = file;
        }
        canvas.setPhoto(shownPhotoImage);
        caption.setText(shot.name() + " · " + shot.scale().label() + (shot.enabled() ? "" : " · not used"));
        message.setText("");
        if (shot.pose().isEmpty()) {
            canvas.setSkeleton(null);
            caption.setText(caption.getText() + " · no skeleton yet: Pose ▸ Detect pose, or Pose ▸ Add person (framed for the shot scale)");
        } else {
            showSkeleton(editor.displayedPose().orElse(shot.pose()));
        }
    }

    /**
     * The photo, loaded in the background; one larger than the working size (an 8000x6000 camera JPEG) is loaded
     * scaled down to it, since the viewer never shows more pixels than that.
     */
    private static Image photo(Path file, Pose pose) {
        String url = file.toUri().toString();
        int longSide = Math.max(pose.canvasWidth(), pose.canvasHeight());
        if (longSide <= InputLimits.WORKING_MAX_SIDE) {
            return new Image(url, true);
        }
        double scale = InputLimits.WORKING_MAX_SIDE / (double) longSide;
        return new Image(url, pose.canvasWidth() * scale, pose.canvasHeight() * scale, true, true, true);
    }

    private void showTarget() {
        canvas.setPhoto(null);
        shownPhoto = null;
        Project project = viewModel.project();
        canvas.setCanvasSize(project.canvasWidth(), project.canvasHeight());
        int frame = viewModel.currentFrameProperty().get();
        boolean keyed = project.target().people().stream().anyMatch(t -> t.keyAt(frame).isPresent());
        caption.setText("Target · frame " + frame + (keyed ? " (key)" : "")
                + (editor.cameraViewProperty().get() ? " · through the camera" : " · raw track")
                + showDrivingVideo(project, frame));
        showOnionSkin(project, frame);
        if (project.target().isEmpty()) {
            clear("No target poses yet. Import a pose sequence (File ▸ Import pose sequence) or add a person (Pose ▸ Add person).");
            return;
        }
        Pose pose = editor.displayedPose().orElse(Pose.empty(project.canvasWidth(), project.canvasHeight()));
        if (pose.isEmpty()) {
            canvas.setSkeleton(null);
            message.setText("Nobody is posed at frame " + frame + ".");
            return;
        }
        message.setText("");
        showSkeleton(pose);
    }

    /**
     * Asks for the driving video's frame at {@code frame}; until it is decoded the last one stays up, so
     * scrubbing never waits. Returns the caption's part about the video.
     */
    private String showDrivingVideo(Project project, int frame) {
        DrivingVideo video = project.drivingVideo();
        if (video == null || !showDrivingVideo.get()) {
            canvas.setVideoFrame(null);
            videoFrames.cancelRequest();
            return video == null ? " · no driving video" : " · driving video hidden";
        }
        int source = video.sourceFrameAt(frame, project.fps());
        videoFrames.request(video.file(), source, project.canvasWidth(), project.canvasHeight(), canvas::setVideoFrame)
                .ifPresent(canvas::setVideoFrame);
        String problem = videoFrames.problemProperty().get();
        return problem == null ? " · video frame " + source : " · driving video unavailable (" + problem + ")";
    }

    /** The nearest keyframes before and after the playhead, drawn faintly. */
    private void showOnionSkin(Project project, int frame) {
        Integer before = null;
        Integer after = null;
        for (int f : allPersonKeyFrames(project)) {
            if (f < frame) {
                before = f;
            } else if (f > frame && after == null) {
                after = f;
            }
        }
        canvas.setOnion(before == null ? null : onionPose(project, before), after == null ? null : onionPose(project, after));
    }

    private Pose onionPose(Project project, int frame) {
        return editor.cameraViewProperty().get() ? project.targetPoseAt(frame) : project.rawTargetPoseAt(frame);
    }

    private static List<Integer> allPersonKeyFrames(Project project) {
        java.util.TreeSet<Integer> frames = new java.util.TreeSet<>();
        for (int i = 0; i < project.target().people().size(); i++) {
            frames.addAll(KeyframeEdits.frames(project, new TrackId.Person(i)));
        }
        return List.copyOf(frames);
    }

    private void showSkeleton(Pose pose) {
        Optional<Image> drawn = skeletonRenderer.apply(pose);
        canvas.setSkeleton(drawn.orElse(null));
        if (drawn.isEmpty()) {
            message.setText("Skeleton drawing is not available in this build.");
        }
    }

    private void clear(String text) {
        canvas.setPhoto(null);
        shownPhoto = null;
        canvas.setSkeleton(null);
        canvas.setOnion(null, null);
        message.setText(text);
    }

    /** The image currently shown as the skeleton layer (for tests and snapshots). */
    public Image skeletonImage() {
        return canvas.skeletonImage();
    }

    public Image photoImage() {
        return canvas.photoImage();
    }

    /** The driving-video frame behind the target, null when none is shown. */
    public Image videoFrameImage() {
        return canvas.videoFrameImage();
    }

    public String captionText() {
        return caption.getText();
    }

    public String messageText() {
        return message.getText();
    }
}
