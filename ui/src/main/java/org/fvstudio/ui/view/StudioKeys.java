package org.fvstudio.ui.view;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.timeline.TimelineEditor;
import org.fvstudio.ui.timeline.Transport;

/**
 * The single-key shortcuts of the editor and timeline, handled at the scene so that they work
 * wherever the focus is, except while typing in a text field:
 * <pre>
 * Space        play / pause (held while dragging in the viewer: pan)
 * Left/Right   previous / next frame (Shift: 10 frames)
 * Down/Up      previous / next keyframe (also Alt+Left / Alt+Right)
 * Home/End     start / end of the in/out range
 * J K L        shuttle backwards / stop / forwards (each J or L press doubles the speed);
 *              K while stopped, or Insert, keys the focused track at the playhead
 * I O          set in / out point (Alt+I / Alt+O clear the range)
 * M            add or remove a marker at the playhead
 * Delete       delete the selected keyframes
 * F            fit the canvas to the viewer
 * H            hide the selected joints; Shift+H show them; Alt+H show all hidden joints
 * C            toggle camera view (what the model sees) / raw track
 * Esc          clear the joint and key selection
 * </pre>
 */
public final class StudioKeys {

    private final SkeletonEditor skeleton;
    private final TimelineEditor timeline;
    private final SkeletonCanvas canvas;

    private StudioKeys(SkeletonEditor skeleton, TimelineEditor timeline, SkeletonCanvas canvas) {
        this.skeleton = skeleton;
        this.timeline = timeline;
        this.canvas = canvas;
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
        if (e.isShortcutDown() || e.isMetaDown()) {
            return false;
        }
        Transport t = timeline.transport();
        KeyCode code = e.getCode();
        switch (code) {
            case SPACE -> {
                canvas.setSpaceDown(true);
                return true;
            }
            case LEFT -> {
                if (e.isAltDown()) {
                    timeline.previousKeyframe();
                } else {
                    t.step(e.isShiftDown() ? -10 : -1);
                }
                return true;
            }
            case RIGHT -> {
                if (e.isAltDown()) {
                    timeline.nextKeyframe();
                } else {
                    t.step(e.isShiftDown() ? 10 : 1);
                }
                return true;
            }
            case UP, DOWN -> {
                if (listFocused()) {
                    return false;
                }
                if (code == KeyCode.UP) {
                    timeline.nextKeyframe();
                } else {
                    timeline.previousKeyframe();
                }
                return true;
            }
            case HOME -> {
                t.goTo(t.rangeStart());
                return true;
            }
            case END -> {
                t.goTo(t.rangeEnd());
                return true;
            }
            case J -> {
                t.shuttleBackward();
                return true;
            }
            case L -> {
                t.shuttleForward();
                return true;
            }
            case K -> {
                if (t.isPlaying()) {
                    t.pause();
                } else {
                    timeline.insertKey();
                }
                return true;
            }
            case INSERT -> {
                timeline.insertKey();
                return true;
            }
            case I -> {
                if (e.isAltDown()) {
                    t.clearRange();
                } else {
                    t.setInPoint();
                }
                return true;
            }
            case O -> {
                if (e.isAltDown()) {
                    t.clearRange();
                } else {
                    t.setOutPoint();
                }
                return true;
            }
            case M -> {
                t.toggleMarker();
                return true;
            }
            case DELETE, BACK_SPACE -> {
                return timeline.deleteSelectedKeys();
            }
            case F -> {
                canvas.fitToView();
                return true;
            }
            case H -> {
                if (e.isAltDown()) {
                    skeleton.showAllHidden();
                } else if (e.isShiftDown()) {
                    skeleton.showSelected();
                } else {
                    skeleton.hideSelected();
                }
                return true;
            }
            case C -> {
                skeleton.cameraViewProperty().set(!skeleton.cameraViewProperty().get());
                return true;
            }
            case ESCAPE -> {
                skeleton.clearSelection();
                timeline.clearKeySelection();
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
