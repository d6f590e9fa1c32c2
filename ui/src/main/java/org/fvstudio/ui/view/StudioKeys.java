package org.fvstudio.ui.view;

import static org.fvstudio.ui.keys.StudioShortcut.CAMERA_VIEW;
import static org.fvstudio.ui.keys.StudioShortcut.CLEAR_RANGE;
import static org.fvstudio.ui.keys.StudioShortcut.CLEAR_SELECTION;
import static org.fvstudio.ui.keys.StudioShortcut.DELETE_KEYS;
import static org.fvstudio.ui.keys.StudioShortcut.FIT;
import static org.fvstudio.ui.keys.StudioShortcut.HIDE_JOINTS;
import static org.fvstudio.ui.keys.StudioShortcut.INSERT_KEY;
import static org.fvstudio.ui.keys.StudioShortcut.MARKER;
import static org.fvstudio.ui.keys.StudioShortcut.NEXT_FRAME;
import static org.fvstudio.ui.keys.StudioShortcut.NEXT_KEY;
import static org.fvstudio.ui.keys.StudioShortcut.PLAY_PAUSE;
import static org.fvstudio.ui.keys.StudioShortcut.PREVIOUS_FRAME;
import static org.fvstudio.ui.keys.StudioShortcut.PREVIOUS_KEY;
import static org.fvstudio.ui.keys.StudioShortcut.RANGE_END;
import static org.fvstudio.ui.keys.StudioShortcut.RANGE_START;
import static org.fvstudio.ui.keys.StudioShortcut.SET_IN;
import static org.fvstudio.ui.keys.StudioShortcut.SET_OUT;
import static org.fvstudio.ui.keys.StudioShortcut.SHOW_ALL_JOINTS;
import static org.fvstudio.ui.keys.StudioShortcut.SHOW_JOINTS;
import static org.fvstudio.ui.keys.StudioShortcut.SHUTTLE_BACK;
import static org.fvstudio.ui.keys.StudioShortcut.SHUTTLE_FORWARD;
import static org.fvstudio.ui.keys.StudioShortcut.SHUTTLE_STOP;
import static org.fvstudio.ui.keys.StudioShortcut.TEN_BACK;
import static org.fvstudio.ui.keys.StudioShortcut.TEN_FORWARD;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.keys.KeyStroke;
import org.fvstudio.ui.keys.ShortcutGroup;
import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.timeline.TimelineEditor;
import org.fvstudio.ui.timeline.Transport;

/**
 * The single-key shortcuts of the editor and timeline ({@link StudioShortcut}'s playback, keyframe and
 * skeleton groups), handled at the scene so that they work wherever the focus is, except while typing in a
 * text field. A key is matched against the table and runs that row's action, so the table is the only list.
 */
public final class StudioKeys {

    /** The groups whose keys this class handles; every row of them must have an action here. */
    static final Set<ShortcutGroup> GROUPS = EnumSet.of(ShortcutGroup.PLAYBACK, ShortcutGroup.KEYFRAMES,
            ShortcutGroup.SKELETON);

    private final SkeletonCanvas canvas;
    private final Map<StudioShortcut, BooleanSupplier> actions = new EnumMap<>(StudioShortcut.class);

    private StudioKeys(SkeletonEditor skeleton, TimelineEditor timeline, SkeletonCanvas canvas) {
        this.canvas = canvas;
        Transport t = timeline.transport();
        // Space only arms panning here; the release decides between play / pause and the end of a pan.
        actions.put(PLAY_PAUSE, () -> {
            canvas.setSpaceDown(true);
            return true;
        });
        on(PREVIOUS_FRAME, () -> t.step(-1));
        on(NEXT_FRAME, () -> t.step(1));
        on(TEN_BACK, () -> t.step(-10));
        on(TEN_FORWARD, () -> t.step(10));
        // Up and Down stay with a focused list (the reference bin, the queue).
        actions.put(PREVIOUS_KEY, () -> !listFocused() && run(timeline::previousKeyframe));
        actions.put(NEXT_KEY, () -> !listFocused() && run(timeline::nextKeyframe));
        on(RANGE_START, () -> t.goTo(t.rangeStart()));
        on(RANGE_END, () -> t.goTo(t.rangeEnd()));
        on(SHUTTLE_BACK, t::shuttleBackward);
        on(SHUTTLE_FORWARD, t::shuttleForward);
        on(SHUTTLE_STOP, () -> {
            if (t.isPlaying()) {
                t.pause();
            } else {
                timeline.insertKey();
            }
        });
        on(SET_IN, t::setInPoint);
        on(SET_OUT, t::setOutPoint);
        on(CLEAR_RANGE, t::clearRange);
        on(MARKER, t::toggleMarker);
        on(INSERT_KEY, timeline::insertKey);
        actions.put(DELETE_KEYS, timeline::deleteSelectedKeys);
        on(FIT, canvas::fitToView);
        on(HIDE_JOINTS, skeleton::hideSelected);
        on(SHOW_JOINTS, skeleton::showSelected);
        on(SHOW_ALL_JOINTS, skeleton::showAllHidden);
        on(CAMERA_VIEW, () -> skeleton.cameraViewProperty().set(!skeleton.cameraViewProperty().get()));
        on(CLEAR_SELECTION, () -> {
            skeleton.clearSelection();
            timeline.clearKeySelection();
        });
        for (ShortcutGroup group : GROUPS) {
            for (StudioShortcut shortcut : StudioShortcut.of(group)) {
                if (!actions.containsKey(shortcut)) {
                    throw new IllegalStateException("shortcut " + shortcut + " (" + shortcut.keysText() + ") has no action");
                }
            }
        }
    }

    public static void install(Scene scene, SkeletonEditor skeleton, TimelineEditor timeline, SkeletonCanvas canvas) {
        StudioKeys keys = new StudioKeys(skeleton, timeline, canvas);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!typing(scene) && keys.pressed(e)) {
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE && !typing(scene)) {
                canvas.setSpaceDown(false);
                if (!canvas.spaceWasUsedForPanning()) {
                    timeline.transport().togglePlay();
                }
                e.consume();
            }
        });
    }

    private void on(StudioShortcut shortcut, Runnable action) {
        actions.put(shortcut, () -> run(action));
    }

    private static boolean run(Runnable action) {
        action.run();
        return true;
    }

    private static boolean typing(Scene scene) {
        Node focus = scene.getFocusOwner();
        while (focus != null) {
            if (focus instanceof TextInputControl || focus instanceof Spinner<?>) {
                return true;
            }
            focus = focus.getParent();
        }
        return false;
    }

    private boolean listFocused() {
        Node focus = canvas.getScene() == null ? null : canvas.getScene().getFocusOwner();
        return focus instanceof ListView<?>;
    }

    /** @return true when the key was used */
    boolean pressed(KeyEvent e) {
        for (Map.Entry<StudioShortcut, BooleanSupplier> entry : actions.entrySet()) {
            for (KeyStroke key : entry.getKey().keys()) {
                if (key.matches(e)) {
                    return entry.getValue().getAsBoolean();
                }
            }
        }
        return false;
    }
}
