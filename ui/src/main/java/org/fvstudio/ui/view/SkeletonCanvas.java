package org.fvstudio.ui.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.effect.BlendMode;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.ui.editor.JointRef;
import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.editor.Viewport;

/**
 * The editing surface of the viewer: background (reference photo or onion skin), the skeleton
 * raster from the DWPose renderer, and on top the editor's vectors (joint handles, selection box
 * with scale corners and a rotate knob, rubber band). Wheel zooms about the cursor; middle drag or
 * space + drag pans; F fits.
 */
public final class SkeletonCanvas extends Region {

    private static final double PICK_RADIUS = 8;
    private static final double HANDLE = 5;
    private static final double ROTATE_KNOB_DISTANCE = 28;

    /** The driving video sits faintly under the onion skin so the skeleton stays the thing one sees. */
    static final double VIDEO_OPACITY = 0.35;

    private enum Gesture { NONE, PAN, JOINT, MOVE, ROTATE, SCALE, RUBBER }

    private final SkeletonEditor editor;
    private final Function<Pose, Optional<Image>> renderer;
    private final Viewport viewport = new Viewport();
    private final ImageView photo = new ImageView();
    private final ImageView videoFrame = new ImageView();
    private final ImageView onionBefore = new ImageView();
    private final ImageView onionAfter = new ImageView();
    private final ImageView skeleton = new ImageView();
    private final Rectangle canvasFrame = new Rectangle();
    private final Group world = new Group(canvasFrame, photo, videoFrame, onionBefore, onionAfter, skeleton);
    private final Canvas overlay = new Canvas();
    private final Translate worldShift = new Translate();
    private final Scale worldScale = new Scale();
    private int canvasWidth = 512;
    private int canvasHeight = 512;
    private boolean fitPending = true;
    private boolean spaceDown;
    private boolean spaceUsed;
    private Gesture gesture = Gesture.NONE;
    private JointRef draggedJoint;
    private double[] pressCanvas;
    private double[] jointStart;
    private double[] pivot;
    private double startAngle;
    private double startDistance;
    private double lastX;
    private double lastY;
    private double[] rubberStart;
    private double[] rubberEnd;
    private boolean rubberAdditive;

    public SkeletonCanvas(SkeletonEditor editor, Function<Pose, Optional<Image>> renderer) {
        this.editor = editor;
        this.renderer = renderer;
        setId("skeletonCanvas");
        getStyleClass().add("viewer-canvas");
        setFocusTraversable(true);
        setMinSize(0, 0);
        canvasFrame.setFill(Color.BLACK);
        skeleton.setBlendMode(BlendMode.SCREEN);
        onionBefore.setBlendMode(BlendMode.SCREEN);
        onionAfter.setBlendMode(BlendMode.SCREEN);
        videoFrame.setOpacity(VIDEO_OPACITY);
        videoFrame.setSmooth(true);
        onionBefore.setOpacity(0.3);
        onionAfter.setOpacity(0.3);
        world.getTransforms().setAll(worldShift, worldScale);
        overlay.setMouseTransparent(true);
        getChildren().setAll(world, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAround(e.getX(), e.getY(), Math.pow(1.0025, e.getDeltaY()));
                applyViewport();
            }
            e.consume();
        });
        editor.selectionProperty().addListener((obs, old, now) -> drawOverlay());
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Shows a canvas of this size; a new size fits the view again. */
    public void setCanvasSize(int width, int height) {
        if (width != canvasWidth || height != canvasHeight) {
            canvasWidth = width;
            canvasHeight = height;
            fitPending = true;
            requestLayout();
        }
        canvasFrame.setWidth(width);
        canvasFrame.setHeight(height);
    }

    public void setPhoto(Image image) {
        photo.setImage(image);
        photo.setFitWidth(canvasWidth);
        photo.setFitHeight(canvasHeight);
    }

    /** A driving-video frame behind the target, letterboxed into the canvas as extracted poses are; null hides it. */
    public void setVideoFrame(Image image) {
        videoFrame.setImage(image);
        if (image == null) {
            return;
        }
        double scale = Math.min(canvasWidth / image.getWidth(), canvasHeight / image.getHeight());
        double w = image.getWidth() * scale;
        double h = image.getHeight() * scale;
        videoFrame.setFitWidth(w);
        videoFrame.setFitHeight(h);
        videoFrame.setX((canvasWidth - w) / 2);
        videoFrame.setY((canvasHeight - h) / 2);
    }

    public Image videoFrameImage() {
        return videoFrame.getImage();
    }

    public void setOnion(Pose before, Pose after) {
        onionBefore.setImage(before == null ? null : renderer.apply(before).orElse(null));
        onionAfter.setImage(after == null ? null : renderer.apply(after).orElse(null));
    }

    public void setSkeleton(Image image) {
        skeleton.setImage(image);
        drawOverlay();
    }

    public Image photoImage() {
        return photo.getImage();
    }

    public Image skeletonImage() {
        return skeleton.getImage();
    }

    public Image onionBeforeImage() {
        return onionBefore.getImage();
    }

    /** Space held: the next drag pans. Returns whether the space press was used for panning. */
    public void setSpaceDown(boolean down) {
        if (down && !spaceDown) {
            spaceUsed = false;
        }
        spaceDown = down;
    }

    public boolean spaceWasUsedForPanning() {
        return spaceUsed;
    }

    /** F: the whole canvas in view. */
    public void fitToView() {
        viewport.fit(getWidth(), getHeight(), canvasWidth, canvasHeight, 16);
        applyViewport();
    }

    /** Screen position (in this node) of a displayed canvas point; for tests and tooltips. */
    public double[] toScreen(double canvasX, double canvasY) {
        return viewport.toScreen(canvasX, canvasY);
    }

    @Override
    protected void layoutChildren() {
        overlay.setWidth(getWidth());
        overlay.setHeight(getHeight());
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fitToView();
        } else {
            drawOverlay();
        }
    }

    private void applyViewport() {
        worldShift.setX(viewport.offsetX());
        worldShift.setY(viewport.offsetY());
        worldScale.setX(viewport.zoom());
        worldScale.setY(viewport.zoom());
        drawOverlay();
    }

    // ---- mouse -------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && spaceDown) {
            gesture = Gesture.PAN;
            spaceUsed = spaceDown;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double[] c = viewport.toCanvas(e.getX(), e.getY());
        pressCanvas = c;
        Optional<double[]> box = editor.selection().size() > 1 ? editor.selectionBounds() : Optional.empty();
        if (box.isPresent() && hitsRotateKnob(box.get(), e.getX(), e.getY())) {
            pivot = centre(box.get());
            startAngle = Math.atan2(c[1] - pivot[1], c[0] - pivot[0]);
            begin(Gesture.ROTATE);
            return;
        }
        if (box.isPresent() && hitsCorner(box.get(), e.getX(), e.getY())) {
            pivot = centre(box.get());
            startDistance = Math.max(1e-6, Math.hypot(c[0] - pivot[0], c[1] - pivot[1]));
            begin(Gesture.SCALE);
            return;
        }
        Optional<JointRef> joint = editor.jointAt(c[0], c[1], PICK_RADIUS / viewport.zoom());
        if (joint.isPresent()) {
            JointRef j = joint.get();
            if (e.getClickCount() == 2) {
                editor.selectPerson(j.person());
                gesture = Gesture.NONE;
            } else if (e.isShiftDown()) {
                editor.select(j, true);
                gesture = Gesture.NONE;
            } else if (editor.selection().contains(j) && editor.selection().size() > 1) {
                begin(Gesture.MOVE);
            } else {
                editor.select(j, false);
                draggedJoint = j;
                PersonPose person = editor.displayedPeople().get(j.person());
                jointStart = new double[] {person.x(j.index()), person.y(j.index())};
                begin(Gesture.JOINT);
            }
            return;
        }
        if (box.isPresent() && inside(box.get(), c)) {
            begin(Gesture.MOVE);
            return;
        }
        gesture = Gesture.RUBBER;
        rubberStart = new double[] {e.getX(), e.getY()};
        rubberEnd = rubberStart;
        rubberAdditive = e.isShiftDown();
    }

    private void begin(Gesture kind) {
        gesture = kind;
        editor.beginGesture();
    }

    private void dragged(MouseEvent e) {
        double[] c = viewport.toCanvas(e.getX(), e.getY());
        switch (gesture) {
            case PAN -> {
                viewport.panBy(e.getX() - lastX, e.getY() - lastY);
                applyViewport();
            }
            case JOINT -> editor.dragJoint(draggedJoint, jointStart[0] + c[0] - pressCanvas[0], jointStart[1] + c[1] - pressCanvas[1]);
            case MOVE -> editor.translateSelection(c[0] - pressCanvas[0], c[1] - pressCanvas[1]);
            case ROTATE -> editor.rotateSelection(pivot[0], pivot[1], Math.atan2(c[1] - pivot[1], c[0] - pivot[0]) - startAngle);
            case SCALE -> editor.scaleSelection(pivot[0], pivot[1], Math.hypot(c[0] - pivot[0], c[1] - pivot[1]) / startDistance);
            case RUBBER -> {
                rubberEnd = new double[] {e.getX(), e.getY()};
                drawOverlay();
            }
            default -> { }
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        switch (gesture) {
            case JOINT, MOVE, ROTATE, SCALE -> editor.endGesture();
            case RUBBER -> {
                if (Math.hypot(rubberEnd[0] - rubberStart[0], rubberEnd[1] - rubberStart[1]) > 3) {
                    double[] a = viewport.toCanvas(rubberStart[0], rubberStart[1]);
                    double[] b = viewport.toCanvas(rubberEnd[0], rubberEnd[1]);
                    editor.selectInRectangle(a[0], a[1], b[0], b[1], rubberAdditive);
                } else if (!rubberAdditive) {
                    editor.clearSelection();
                }
                rubberStart = null;
                rubberEnd = null;
            }
            default -> { }
        }
        gesture = Gesture.NONE;
        drawOverlay();
    }

    private boolean hitsRotateKnob(double[] box, double sx, double sy) {
        double[] knob = rotateKnob(box);
        return Math.hypot(sx - knob[0], sy - knob[1]) <= HANDLE + 3;
    }

    private boolean hitsCorner(double[] box, double sx, double sy) {
        for (double[] corner : corners(box)) {
            if (Math.abs(sx - corner[0]) <= HANDLE + 2 && Math.abs(sy - corner[1]) <= HANDLE + 2) {
                return true;
            }
        }
        return false;
    }

    private double[] rotateKnob(double[] box) {
        double[] top = viewport.toScreen((box[0] + box[2]) / 2, box[1]);
        return new double[] {top[0], top[1] - ROTATE_KNOB_DISTANCE};
    }

    /** Screen corners of the selection box, padded so that a box around one line still has area. */
    private double[][] corners(double[] box) {
        double[] a = viewport.toScreen(box[0], box[1]);
        double[] b = viewport.toScreen(box[2], box[3]);
        double pad = 6;
        return new double[][] {{a[0] - pad, a[1] - pad}, {b[0] + pad, a[1] - pad}, {b[0] + pad, b[1] + pad}, {a[0] - pad, b[1] + pad}};
    }

    private static double[] centre(double[] box) {
        return new double[] {(box[0] + box[2]) / 2, (box[1] + box[3]) / 2};
    }

    private static boolean inside(double[] box, double[] c) {
        return c[0] >= box[0] && c[0] <= box[2] && c[1] >= box[1] && c[1] <= box[3];
    }

    // ---- vectors on top ----------------------------------------------------------------------

    /** Draws the joint handles, the selection box and the rubber band in screen space. */
    public void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        List<PersonPose> people = editor.displayedPeople();
        Set<JointRef> selected = editor.selection();
        g.setLineDashes();
        for (int p = 0; p < people.size(); p++) {
            PersonPose person = people.get(p);
            for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
                boolean placed = person.confidence(i) > 0 || person.x(i) != 0 || person.y(i) != 0;
                if (!placed) {
                    continue;
                }
                double[] s = viewport.toScreen(person.x(i), person.y(i));
                boolean hidden = person.confidence(i) < org.fvstudio.pose.Keypoint.VISIBLE_THRESHOLD;
                boolean isSelected = selected.contains(new JointRef(p, i));
                double r = i < 24 ? 4 : 2.2;
                if (isSelected) {
                    g.setFill(Color.ORANGE);
                    g.fillOval(s[0] - r - 1, s[1] - r - 1, 2 * r + 2, 2 * r + 2);
                } else if (hidden) {
                    g.setStroke(Color.gray(0.6));
                    g.setLineDashes(2, 2);
                    g.strokeOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
                    g.setLineDashes();
                } else if (i < 24) {
                    g.setStroke(Color.WHITE);
                    g.setLineWidth(1);
                    g.strokeOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
                }
            }
        }
        if (selected.size() > 1) {
            editor.selectionBounds().ifPresent(box -> {
                double[][] c = corners(box);
                g.setStroke(Color.ORANGE);
                g.setLineWidth(1);
                g.setLineDashes(4, 3);
                g.strokeRect(c[0][0], c[0][1], c[2][0] - c[0][0], c[2][1] - c[0][1]);
                g.setLineDashes();
                g.setFill(Color.ORANGE);
                for (double[] corner : c) {
                    g.fillRect(corner[0] - HANDLE, corner[1] - HANDLE, 2 * HANDLE, 2 * HANDLE);
                }
                double[] knob = rotateKnob(box);
                g.strokeLine(knob[0], knob[1], knob[0], c[0][1]);
                g.fillOval(knob[0] - HANDLE, knob[1] - HANDLE, 2 * HANDLE, 2 * HANDLE);
            });
        }
        if (rubberStart != null && rubberEnd != null) {
            g.setStroke(Color.LIGHTSKYBLUE);
            g.setLineDashes(3, 3);
            g.strokeRect(Math.min(rubberStart[0], rubberEnd[0]), Math.min(rubberStart[1], rubberEnd[1]),
                    Math.abs(rubberEnd[0] - rubberStart[0]), Math.abs(rubberEnd[1] - rubberStart[1]));
            g.setLineDashes();
        }
    }
}
