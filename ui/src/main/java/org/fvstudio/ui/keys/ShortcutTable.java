package org.fvstudio.ui.keys;

import java.util.ArrayList;
import java.util.List;

/** The rows of the shortcut table, for the Help dialog (this platform's key names) and the README (Ctrl). */
public final class ShortcutTable {

    /** One row as shown: where it applies, what it does, its keys. */
    public record Row(String where, String action, String keys) {
    }

    private ShortcutTable() {
    }

    /** Every shortcut, grouped, with the shortcut key written as {@code shortcutName} ("Ctrl" or "⌘"). */
    public static List<Row> rows(String shortcutName) {
        List<Row> rows = new ArrayList<>();
        for (ShortcutGroup group : ShortcutGroup.values()) {
            for (StudioShortcut shortcut : StudioShortcut.of(group)) {
                rows.add(new Row(group.title(), plain(shortcut.action()), shortcut.keysText(shortcutName)));
            }
        }
        return rows;
    }

    /** As this platform writes the keys. */
    public static List<Row> rows() {
        return rows(KeyStroke.platformShortcutName());
    }

    /** The README's shortcut section: a Markdown table written with "Ctrl". */
    public static String markdown() {
        StringBuilder text = new StringBuilder("| Where | Keys | Action |\n|---|---|---|\n");
        for (Row row : rows("Ctrl")) {
            text.append("| ").append(row.where()).append(" | ").append(escape(row.keys())).append(" | ")
                    .append(escape(row.action())).append(" |\n");
        }
        return text.toString();
    }

    /** A menu item's text as a table entry: without the ellipsis that says a dialog follows. */
    static String plain(String menuText) {
        return menuText.replace("…", "").strip();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
