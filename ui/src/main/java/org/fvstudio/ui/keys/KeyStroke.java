package org.fvstudio.ui.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One key with its modifiers, written the same way on every platform ("Ctrl+Shift+Z"; {@code Ctrl} is the
 * platform's shortcut key, ⌘ on macOS). A gesture ("Space+drag") has no key code and only a text.
 */
public record KeyStroke(KeyCode code, boolean shortcut, boolean shift, boolean alt, String gesture) {

    private static final Map<KeyCode, String> NAMES = Map.ofEntries(
            Map.entry(KeyCode.SPACE, "Space"), Map.entry(KeyCode.LEFT, "Left"), Map.entry(KeyCode.RIGHT, "Right"),
            Map.entry(KeyCode.UP, "Up"), Map.entry(KeyCode.DOWN, "Down"), Map.entry(KeyCode.HOME, "Home"),
            Map.entry(KeyCode.END, "End"), Map.entry(KeyCode.INSERT, "Insert"), Map.entry(KeyCode.DELETE, "Delete"),
            Map.entry(KeyCode.BACK_SPACE, "Backspace"), Map.entry(KeyCode.ESCAPE, "Esc"),
            Map.entry(KeyCode.SLASH, "/"), Map.entry(KeyCode.COMMA, ","), Map.entry(KeyCode.DIGIT1, "1"),
            Map.entry(KeyCode.DIGIT2, "2"), Map.entry(KeyCode.DIGIT3, "3"));

    public static KeyStroke key(KeyCode code) {
        return new KeyStroke(code, false, false, false, null);
    }

    public static KeyStroke shift(KeyCode code) {
        return new KeyStroke(code, false, true, false, null);
    }

    public static KeyStroke alt(KeyCode code) {
        return new KeyStroke(code, false, false, true, null);
    }

    public static KeyStroke ctrl(KeyCode code) {
        return new KeyStroke(code, true, false, false, null);
    }

    public static KeyStroke ctrlShift(KeyCode code) {
        return new KeyStroke(code, true, true, false, null);
    }

    public static KeyStroke ctrlAlt(KeyCode code) {
        return new KeyStroke(code, true, false, true, null);
    }

    /** A mouse gesture with keys, e.g. "Shift+click"; it has no key combination. */
    public static KeyStroke gesture(String text) {
        return new KeyStroke(null, false, false, false, text);
    }

    public boolean isGesture() {
        return code == null;
    }

    /** The combination for accelerators and matching; modifiers not named must be up. */
    public KeyCombination combination() {
        if (isGesture()) {
            throw new IllegalStateException(gesture + " is a gesture, not a key combination");
        }
        List<KeyCombination.Modifier> modifiers = new ArrayList<>();
        if (shortcut) {
            modifiers.add(KeyCombination.SHORTCUT_DOWN);
        }
        if (shift) {
            modifiers.add(KeyCombination.SHIFT_DOWN);
        }
        if (alt) {
            modifiers.add(KeyCombination.ALT_DOWN);
        }
        return new KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
    }

    public boolean matches(KeyEvent event) {
        return !isGesture() && combination().match(event);
    }

    /** "Ctrl+Shift+Z", "Space", "Shift+click"; {@code shortcutName} is "Ctrl" or "⌘". */
    public String text(String shortcutName) {
        if (isGesture()) {
            return gesture;
        }
        StringBuilder text = new StringBuilder();
        if (shortcut) {
            text.append(shortcutName).append('+');
        }
        if (shift) {
            text.append("Shift+");
        }
        if (alt) {
            text.append("Alt+");
        }
        return text.append(NAMES.getOrDefault(code, code.getName())).toString();
    }

    /** As this platform writes the shortcut key. */
    public String text() {
        return text(platformShortcutName());
    }

    static String platformShortcutName() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac") ? "⌘" : "Ctrl";
    }
}
