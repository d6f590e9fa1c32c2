package org.fvstudio.ui.view;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.fvstudio.project.Project;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.TimelineMarker;
import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.timeline.KeyRef;
import org.fvstudio.ui.timeline.KeyframeEdits;
import org.fvstudio.ui.timeline.TimelineEditor;
import org.fvstudio.ui.timeline.TrackId;
import org.fvstudio.ui.timeline.Transport;

/**
 * The keyframe tracks: a frame ruler (click or drag to scrub, markers and the in/out range on it),
 * one row per person of the target pose and one for the camera. Keys are diamonds coloured by the
 * interpolation of the segment they start; click / shift-click selects, dragging moves them (one
 * undo step), the context menu sets interpolation, deletes, copies, pastes and inserts.
 */
public final class DopeSheet extends Region {

    public static final double HEADER = 110;
    public static final double RULER = 20;
    public static final double ROW = 22;
    private static final double RIGHT_MARGIN = 12;
    private static final double KEY_PICK = 6;

    private final StudioViewModel studio;
    private final TimelineEditor editor;
    private final Canvas canvas = new Canvas();
    private final ContextMenu menu = new ContextMenu();
    private boolean scrubbing;
    private boolean draggingKeys;
    private int pressFrame;

    public DopeSheet(StudioViewModel studio, TimelineEditor editor) {
        this.studio = studio;
        this.editor = editor;
        setId("dopeSheet");
        setMinHeight(RULER + 2 * ROW + 4);
        getChildren().add(canvas);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        Transport t = editor.transport();
        studio.document().projectProperty().addListener((obs, old, p) -> redraw());
        t.frameProperty().addListener((obs, old, f) -> redraw());
        t.inPointProperty().addListener((obs, old, f) -> redraw());
        t.outPointProperty().addListener((obs, old, f) -> redraw());
        t.markers().addListener((javafx.collections.ListChangeListener<Integer>) c -> redraw());
        editor.selectionProperty().addListener((obs, old, s) -> redraw());
        editor.focusedTrackProperty().addListener((obs, old, s) -> redraw());
    }

    @Override
    protected double computePrefHeight(double width) {
        return RULER + ROW * KeyframeEdits.tracks(studio.project()).size() + 4;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    // ---- geometry (public for tests) ---------------------------------------------------------

    public double frameToX(int frame) {
        int last = Math.max(1, studio.project().frameCount() - 1);
        return HEADER + frame * (getWidth() - HEADER - RIGHT_MARGIN) / last;
    }

    public int xToFrame(double x) {
        int last = Math.max(1, studio.project().frameCount() - 1);
        double f = (x - HEADER) * last / Math.max(1, getWidth() - HEADER - RIGHT_MARGIN);
        return (int) Math.max(0, Math.min(studio.project().frameCount() - 1, Math.round(f)));
    }

    /** The centre y of a track's row. */
    public double rowY(TrackId track) {
        List<TrackId> tracks = KeyframeEdits.tracks(studio.project());
        return RULER + ROW * tracks.indexOf(track) + ROW / 2;
    }

    private Optional<TrackId> trackAt(double y) {
        List<TrackId> tracks = KeyframeEdits.tracks(studio.project());
        int row = (int) Math.floor((y - RULER) / ROW);
        return row >= 0 && row < tracks.size() ? Optional.of(tracks.get(row)) : Optional.empty();
    }

    private Optional<KeyRef> keyAt(TrackId track, double x) {
        KeyRef best = null;
        double bestDistance = KEY_PICK;
        for (int f : KeyframeEdits.frames(studio.project(), track)) {
            double d = Math.abs(frameToX(f) - x);
            if (d <= bestDistance) {
                bestDistance = d;
                best = new KeyRef(track, f);
            }
        }
        return Optional.ofNullable(best);
    }

    // ---- mouse -------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        menu.hide();
        requestFocus();
        if (e.getY() < RULER || e.getX() < HEADER && e.getButton() == MouseButton.PRIMARY && trackAt(e.getY()).isEmpty()) {
            if (e.getButton() == MouseButton.PRIMARY) {
                scrubbing = true;
                editor.transport().pause();
                editor.transport().goTo(xToFrame(e.getX()));
            }
            return;
        }
        Optional<TrackId> track = trackAt(e.getY());
        if (track.isEmpty()) {
            return;
        }
        editor.focusedTrackProperty().set(track.get());
        Optional<KeyRef> key = e.getX() >= HEADER ? keyAt(track.get(), e.getX()) : Optional.empty();
        if (e.getButton() == MouseButton.SECONDARY) {
            if (key.isPresent() && !editor.selection().contains(key.get())) {
                editor.selectKey(key.get(), false);
            }
            showMenu(e, key.isPresent());
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (key.isPresent()) {
            if (e.isShiftDown()) {
                editor.selectKey(key.get(), true);
                return;
            }
            if (!editor.selection().contains(key.get())) {
                editor.selectKey(key.get(), false);
            }
            pressFrame = key.get().frame();
            draggingKeys = true;
            editor.beginKeyDrag();
        } else if (!e.isShiftDown()) {
            editor.clearKeySelection();
        }
    }

    private void dragged(MouseEvent e) {
        if (scrubbing) {
            editor.transport().goTo(xToFrame(e.getX()));
        } else if (draggingKeys) {
            editor.dragKeysBy(xToFrame(e.getX()) - pressFrame);
        }
    }

    private void released(MouseEvent e) {
        if (draggingKeys) {
            editor.endKeyDrag();
        }
        scrubbing = false;
        draggingKeys = false;
    }

    private void showMenu(MouseEvent e, boolean onKey) {
        ToggleGroup group = new ToggleGroup();
        Set<KeyRef> selected = editor.selection();
        Interpolation current = selected.size() == 1 ? interpolationOf(selected.iterator().next()) : null;
        menu.getItems().clear();
        for (Interpolation mode : Interpolation.values()) {
            RadioMenuItem item = new RadioMenuItem("Interpolation: " + label(mode));
            item.setId("interpolation-" + mode.jsonName());
            item.setToggleGroup(group);
            item.setSelected(mode == current);
            item.setDisable(selected.isEmpty());
            item.setOnAction(a -> editor.setInterpolation(mode));
            menu.getItems().add(item);
        }
        MenuItem insert = new MenuItem("Insert keyframe at playhead (" + StudioShortcut.SHUTTLE_STOP.keysText() + " / " + StudioShortcut.INSERT_KEY.keysText() + ")");
        insert.setOnAction(a -> editor.insertKey());
        MenuItem delete = new MenuItem(StudioShortcut.DELETE_KEYS.withKeys("Delete keyframes"));
        delete.setDisable(selected.isEmpty());
        delete.setOnAction(a -> editor.deleteSelectedKeys());
        MenuItem copy = new MenuItem(StudioShortcut.COPY_KEYS.withKeys("Copy keyframes"));
        copy.setDisable(selected.isEmpty());
        copy.setOnAction(a -> editor.copySelectedKeys());
        MenuItem paste = new MenuItem(StudioShortcut.PASTE_KEYS.withKeys("Paste at playhead"));
        paste.setDisable(!editor.canPaste());
        paste.setOnAction(a -> editor.paste());
        menu.getItems().addAll(new SeparatorMenuItem(), insert, delete, copy, paste);
        menu.show(this, e.getScreenX(), e.getScreenY());
    }

    private Interpolation interpolationOf(KeyRef key) {
        Project p = studio.project();
        if (key.track() instanceof TrackId.Person person) {
            return p.target().people().get(person.index()).keyAt(key.frame()).map(PoseKeyframe::interpolation).orElse(null);
        }
        return p.camera().keyframes().stream().filter(k -> k.frame() == key.frame()).findFirst()
                .map(CameraKeyframe::interpolation).orElse(null);
    }

    public static String label(Interpolation mode) {
        return switch (mode) {
            case CONSTANT -> "constant (hold)";
            case LINEAR -> "linear";
            case EASE_IN_OUT -> "ease in/out";
            case SMOOTH -> "smooth (spline)";
        };
    }

    // ---- drawing -----------------------------------------------------------------------------

    public void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        Project project = studio.project();
        Transport t = editor.transport();
        g.setFill(Color.web("#2b2b2b"));
        g.fillRect(0, 0, w, h);
        // in/out range
        if (t.inPointProperty().get() >= 0 || t.outPointProperty().get() >= 0) {
            g.setFill(Color.web("#000000", 0.35));
            g.fillRect(HEADER, 0, frameToX(t.rangeStart()) - HEADER, h);
            g.fillRect(frameToX(t.rangeEnd()), 0, w - frameToX(t.rangeEnd()), h);
        }
        drawRuler(g, project, w);
        List<TrackId> tracks = KeyframeEdits.tracks(project);
        TrackId focused = editor.focusedTrack();
        for (int row = 0; row < tracks.size(); row++) {
            TrackId track = tracks.get(row);
            double top = RULER + row * ROW;
            g.setFill(track.equals(focused) ? Color.web("#3a4452") : row % 2 == 0 ? Color.web("#323232") : Color.web("#2e2e2e"));
            g.fillRect(0, top, w, ROW);
            g.setFill(Color.web("#dddddd"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(trackName(project, track), 6, top + ROW / 2, HEADER - 10);
            drawKeys(g, project, track, top + ROW / 2);
        }
        double x = frameToX(t.frame());
        g.setStroke(Color.web("#ff4040"));
        g.setLineWidth(1.5);
        g.strokeLine(x, 0, x, h);
    }

    private void drawRuler(GraphicsContext g, Project project, double w) {
        g.setFill(Color.web("#222222"));
        g.fillRect(0, 0, w, RULER);
        int last = project.frameCount() - 1;
        double pxPerFrame = (w - HEADER - RIGHT_MARGIN) / Math.max(1, last);
        int step = 1;
        for (int s : new int[] {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            step = s;
            if (s * pxPerFrame >= 40) {
                break;
            }
        }
        g.setStroke(Color.web("#777777"));
        g.setFill(Color.web("#aaaaaa"));
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int f = 0; f <= last; f += step) {
            double x = frameToX(f);
            g.strokeLine(x, RULER - 6, x, RULER);
            g.fillText(String.valueOf(f), x + 2, 2);
        }
        g.setFill(Color.web("#40d080"));
        for (TimelineMarker m : editor.transport().labelledMarkers()) {
            double x = frameToX(m.frame());
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {RULER - 8, RULER - 8, RULER}, 3);
            if (!m.label().isEmpty()) {
                g.fillText(m.label(), x + 5, RULER / 2 - 1);
            }
        }
        g.setFill(Color.web("#ff4040"));
        double x = frameToX(editor.transport().frame());
        g.fillRect(x - 1, 0, 2, RULER);
    }

    private void drawKeys(GraphicsContext g, Project project, TrackId track, double y) {
        Set<KeyRef> selected = editor.selection();
        if (track instanceof TrackId.Person p) {
            PersonTrack person = project.target().people().get(p.index());
            List<PoseKeyframe> keys = person.keyframes();
            for (int i = 0; i + 1 < keys.size(); i++) {
                segment(g, keys.get(i).frame(), keys.get(i + 1).frame(), y, keys.get(i).interpolation());
            }
            for (PoseKeyframe k : keys) {
                diamond(g, frameToX(k.frame()), y, k.interpolation(), selected.contains(new KeyRef(track, k.frame())), false);
            }
        } else {
            List<CameraKeyframe> keys = project.camera().keyframes();
            for (int i = 0; i + 1 < keys.size(); i++) {
                if (!keys.get(i + 1).cut()) {
                    segment(g, keys.get(i).frame(), keys.get(i + 1).frame(), y, keys.get(i).interpolation());
                }
            }
            for (CameraKeyframe k : keys) {
                diamond(g, frameToX(k.frame()), y, k.interpolation(), selected.contains(new KeyRef(track, k.frame())), k.cut());
            }
        }
    }

    private void segment(GraphicsContext g, int a, int b, double y, Interpolation mode) {
        g.setStroke(colour(mode).deriveColor(0, 1, 0.6, 0.6));
        g.setLineWidth(mode == Interpolation.CONSTANT ? 1 : 2);
        g.strokeLine(frameToX(a), y, frameToX(b), y);
    }

    private static void diamond(GraphicsContext g, double x, double y, Interpolation mode, boolean selected, boolean cut) {
        double r = 5;
        if (cut) {
            g.setStroke(Color.web("#ff6060"));
            g.setLineWidth(2);
            g.strokeLine(x, y - ROW / 2 + 2, x, y + ROW / 2 - 2);
        }
        g.setFill(selected ? Color.ORANGE : colour(mode));
        g.fillPolygon(new double[] {x - r, x, x + r, x}, new double[] {y, y - r, y, y + r}, 4);
        g.setStroke(selected ? Color.WHITE : Color.BLACK);
        g.setLineWidth(1);
        g.strokePolygon(new double[] {x - r, x, x + r, x}, new double[] {y, y - r, y, y + r}, 4);
    }

    private static Color colour(Interpolation mode) {
        return switch (mode) {
            case CONSTANT -> Color.web("#9a9a9a");
            case LINEAR -> Color.web("#e8e8e8");
            case EASE_IN_OUT -> Color.web("#f0d060");
            case SMOOTH -> Color.web("#60c8f0");
        };
    }

    private static String trackName(Project project, TrackId track) {
        if (track instanceof TrackId.Person p) {
            String name = project.target().people().get(p.index()).name();
            // the mark of a retargeted track; the timeline's summary line says with which options
            return project.retarget() == null ? name : "⇄ " + name;
        }
        return "Camera";
    }
}
