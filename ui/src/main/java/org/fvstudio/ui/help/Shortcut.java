package org.fvstudio.ui.help;

import javafx.scene.input.KeyCombination;

/** One keyboard shortcut of the studio: what it does (menu path or description) and its keys. */
public record Shortcut(String action, KeyCombination keys) {

    /** The keys as this platform writes them (Ctrl+S, ⌘S). */
    public String keysText() {
        return keys.getDisplayText();
    }
}
