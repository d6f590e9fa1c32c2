package org.fvstudio.ui.keys;

import static javafx.scene.input.KeyCode.A;
import static javafx.scene.input.KeyCode.BACK_SPACE;
import static javafx.scene.input.KeyCode.C;
import static javafx.scene.input.KeyCode.COMMA;
import static javafx.scene.input.KeyCode.D;
import static javafx.scene.input.KeyCode.DELETE;
import static javafx.scene.input.KeyCode.DIGIT1;
import static javafx.scene.input.KeyCode.DIGIT2;
import static javafx.scene.input.KeyCode.DIGIT3;
import static javafx.scene.input.KeyCode.DOWN;
import static javafx.scene.input.KeyCode.E;
import static javafx.scene.input.KeyCode.END;
import static javafx.scene.input.KeyCode.ESCAPE;
import static javafx.scene.input.KeyCode.F;
import static javafx.scene.input.KeyCode.F10;
import static javafx.scene.input.KeyCode.G;
import static javafx.scene.input.KeyCode.H;
import static javafx.scene.input.KeyCode.HOME;
import static javafx.scene.input.KeyCode.I;
import static javafx.scene.input.KeyCode.INSERT;
import static javafx.scene.input.KeyCode.J;
import static javafx.scene.input.KeyCode.K;
import static javafx.scene.input.KeyCode.L;
import static javafx.scene.input.KeyCode.LEFT;
import static javafx.scene.input.KeyCode.M;
import static javafx.scene.input.KeyCode.N;
import static javafx.scene.input.KeyCode.O;
import static javafx.scene.input.KeyCode.Q;
import static javafx.scene.input.KeyCode.RIGHT;
import static javafx.scene.input.KeyCode.S;
import static javafx.scene.input.KeyCode.SLASH;
import static javafx.scene.input.KeyCode.SPACE;
import static javafx.scene.input.KeyCode.UP;
import static javafx.scene.input.KeyCode.V;
import static javafx.scene.input.KeyCode.Y;
import static javafx.scene.input.KeyCode.Z;
import static org.fvstudio.ui.keys.KeyStroke.alt;
import static org.fvstudio.ui.keys.KeyStroke.ctrl;
import static org.fvstudio.ui.keys.KeyStroke.ctrlAlt;
import static org.fvstudio.ui.keys.KeyStroke.ctrlShift;
import static org.fvstudio.ui.keys.KeyStroke.gesture;
import static org.fvstudio.ui.keys.KeyStroke.key;
import static org.fvstudio.ui.keys.KeyStroke.shift;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javafx.scene.input.KeyCombination;

/**
 * Every key the studio handles, in one table: the menus take their accelerators from it, {@link
 * org.fvstudio.ui.view.StudioKeys} dispatches the single keys through it, and Help › Keyboard shortcuts and
 * the README's shortcut section are made from it. For a menu shortcut the action is the menu item's text.
 */
public enum StudioShortcut {
    NEW_PROJECT(ShortcutGroup.FILE, "New", ctrl(N)),
    OPEN(ShortcutGroup.FILE, "Open…", ctrl(O)),
    SAVE(ShortcutGroup.FILE, "Save", ctrl(S)),
    SAVE_AS(ShortcutGroup.FILE, "Save As…", ctrlShift(S)),
    IMPORT_REFERENCES(ShortcutGroup.FILE, "Import reference images…", ctrl(I)),
    IMPORT_POSE_FILES(ShortcutGroup.FILE, "Import pose sequence (files)…", ctrlShift(I)),
    IMPORT_POSE_FOLDER(ShortcutGroup.FILE, "Import pose sequence (folder)…", ctrlAlt(I)),
    EXPORT(ShortcutGroup.FILE, "Export…", ctrl(E)),
    QUIT(ShortcutGroup.FILE, "Quit", ctrl(Q)),

    UNDO(ShortcutGroup.EDIT, "Undo", ctrl(Z)),
    REDO(ShortcutGroup.EDIT, "Redo", ctrlShift(Z), ctrl(Y)),
    COPY_KEYS(ShortcutGroup.EDIT, "Copy keyframes", ctrl(C)),
    PASTE_KEYS(ShortcutGroup.EDIT, "Paste keyframes at playhead", ctrl(V)),
    SELECT_PERSON(ShortcutGroup.EDIT, "Select whole person", ctrl(A)),
    PREFERENCES(ShortcutGroup.EDIT, "Preferences…", ctrl(COMMA)),

    SHOW_REFERENCE(ShortcutGroup.VIEW, "Show selected reference", ctrl(DIGIT1)),
    SHOW_TARGET(ShortcutGroup.VIEW, "Show target pose", ctrl(DIGIT2)),
    SHOW_RESULTS(ShortcutGroup.VIEW, "Show generated frame and heatmaps", ctrl(DIGIT3)),

    DETECT_POSE(ShortcutGroup.POSE, "Detect pose in selected reference", ctrlShift(D)),

    GO_TO_FRAME(ShortcutGroup.TIMELINE, "Go to frame…", ctrl(G)),

    GENERATE(ShortcutGroup.GENERATE, "Generate", ctrlShift(G)),

    SHORTCUTS(ShortcutGroup.HELP, "Keyboard shortcuts…", ctrl(SLASH)),

    PLAY_PAUSE(ShortcutGroup.PLAYBACK, "Play / pause", key(SPACE)),
    PREVIOUS_FRAME(ShortcutGroup.PLAYBACK, "Previous frame", key(LEFT)),
    NEXT_FRAME(ShortcutGroup.PLAYBACK, "Next frame", key(RIGHT)),
    TEN_BACK(ShortcutGroup.PLAYBACK, "10 frames back", shift(LEFT)),
    TEN_FORWARD(ShortcutGroup.PLAYBACK, "10 frames forward", shift(RIGHT)),
    PREVIOUS_KEY(ShortcutGroup.PLAYBACK, "Previous keyframe", key(DOWN), alt(LEFT)),
    NEXT_KEY(ShortcutGroup.PLAYBACK, "Next keyframe", key(UP), alt(RIGHT)),
    RANGE_START(ShortcutGroup.PLAYBACK, "Go to the start of the in/out range", key(HOME)),
    RANGE_END(ShortcutGroup.PLAYBACK, "Go to the end of the in/out range", key(END)),
    SHUTTLE_BACK(ShortcutGroup.PLAYBACK, "Play backwards (each press doubles the speed)", key(J)),
    SHUTTLE_STOP(ShortcutGroup.PLAYBACK, "Stop; while stopped: key the focused track at the playhead", key(K)),
    SHUTTLE_FORWARD(ShortcutGroup.PLAYBACK, "Play forwards (each press doubles the speed)", key(L)),
    SET_IN(ShortcutGroup.PLAYBACK, "Set in point at the playhead", key(I)),
    SET_OUT(ShortcutGroup.PLAYBACK, "Set out point at the playhead", key(O)),
    CLEAR_RANGE(ShortcutGroup.PLAYBACK, "Clear the in/out range", alt(I), alt(O)),
    MARKER(ShortcutGroup.PLAYBACK, "Add / remove a marker at the playhead", key(M)),

    INSERT_KEY(ShortcutGroup.KEYFRAMES, "Key the focused track at the playhead", key(INSERT)),
    DELETE_KEYS(ShortcutGroup.KEYFRAMES, "Delete the selected keyframes", key(DELETE), key(BACK_SPACE)),

    FIT(ShortcutGroup.SKELETON, "Fit the canvas to the viewer", key(F)),
    HIDE_JOINTS(ShortcutGroup.SKELETON, "Hide the selected joints", key(H)),
    SHOW_JOINTS(ShortcutGroup.SKELETON, "Show the selected joints", shift(H)),
    SHOW_ALL_JOINTS(ShortcutGroup.SKELETON, "Show all hidden joints", alt(H)),
    CAMERA_VIEW(ShortcutGroup.SKELETON, "Camera view (what the model sees) / raw track", key(C)),
    CLEAR_SELECTION(ShortcutGroup.SKELETON, "Clear the joint and keyframe selection", key(ESCAPE)),

    PAN(ShortcutGroup.MOUSE, "Pan the canvas", gesture("Space+drag"), gesture("Middle-drag")),
    ZOOM(ShortcutGroup.MOUSE, "Zoom the canvas around the pointer", gesture("Wheel")),
    ADD_TO_SELECTION(ShortcutGroup.MOUSE, "Add a joint or keyframe to the selection", gesture("Shift+click")),
    ADD_BOX_TO_SELECTION(ShortcutGroup.MOUSE, "Add the joints in a box to the selection", gesture("Shift+drag")),
    SELECT_PERSON_CLICK(ShortcutGroup.MOUSE, "Select a whole person", gesture("Double-click a joint")),
    KEY_MENU(ShortcutGroup.MOUSE, "Keyframe menu (interpolation, copy, delete)", gesture("Right-click in the timeline")),

    MENU_BAR(ShortcutGroup.WINDOW, "Move the focus to the menu bar (then arrow keys and Enter)", key(F10));

    private final ShortcutGroup group;
    private final String action;
    private final List<KeyStroke> keys;

    StudioShortcut(ShortcutGroup group, String action, KeyStroke... keys) {
        this.group = group;
        this.action = action;
        this.keys = List.of(keys);
    }

    public ShortcutGroup group() {
        return group;
    }

    /** What it does; for a menu shortcut the menu item's text. */
    public String action() {
        return action;
    }

    public List<KeyStroke> keys() {
        return keys;
    }

    /** The first key: a menu item's accelerator. */
    public KeyCombination accelerator() {
        return keys.get(0).combination();
    }

    /** Keys after the first of a menu shortcut, which the window registers beside the menu item (Ctrl+Y). */
    public List<KeyCombination> extraAccelerators() {
        return keys.subList(1, keys.size()).stream().map(KeyStroke::combination).toList();
    }

    /** "Ctrl+Shift+Z / Ctrl+Y" as this platform writes them. */
    public String keysText() {
        return keysText(KeyStroke.platformShortcutName());
    }

    public String keysText(String shortcutName) {
        return keys.stream().map(k -> k.text(shortcutName)).collect(Collectors.joining(" / "));
    }

    /** A menu item's text with its single key named, for keys that are not accelerators: "Play / pause (Space)". */
    public String withKeys(String text) {
        return text + " (" + keysText() + ")";
    }

    /** The shortcuts of one group, in table order. */
    public static List<StudioShortcut> of(ShortcutGroup group) {
        return Arrays.stream(values()).filter(s -> s.group == group).toList();
    }
}
