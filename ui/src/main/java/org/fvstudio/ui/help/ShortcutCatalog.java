package org.fvstudio.ui.help;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import org.fvstudio.ui.keys.KeyStroke;
import org.fvstudio.ui.keys.ShortcutTable;
import org.fvstudio.ui.keys.StudioShortcut;

/**
 * What the window really has registered: every menu item's accelerator (with its menu path) and the scene's
 * own accelerators. The shortcuts list comes from {@link StudioShortcut}; this catalogue finds any accelerator
 * that the table does not name, so that neither the dialog nor the README can silently miss one.
 */
public final class ShortcutCatalog {

    /** A registered accelerator: "File › Save" (or "Window" for a scene accelerator) and its keys. */
    public record Registered(String path, KeyCombination keys) {
    }

    private ShortcutCatalog() {
    }

    /** Menu accelerators in menu order, then the scene's accelerators. */
    public static List<Registered> registered(MenuBar menuBar, Scene scene) {
        List<Registered> found = new ArrayList<>();
        for (Menu menu : menuBar.getMenus()) {
            collect(menu, plain(menu.getText()), found);
        }
        if (scene != null) {
            // The menu bar puts its items' accelerators into the scene too; those are listed with their menu.
            Set<KeyCombination> onMenus = new HashSet<>();
            found.forEach(r -> onMenus.add(r.keys()));
            for (KeyCombination keys : scene.getAccelerators().keySet()) {
                if (!onMenus.contains(keys)) {
                    found.add(new Registered("Window", keys));
                }
            }
        }
        return found;
    }

    /** The registered accelerators whose keys no row of the table names. */
    public static List<Registered> unlisted(List<Registered> registered) {
        Set<KeyCombination> listed = new HashSet<>();
        for (StudioShortcut shortcut : StudioShortcut.values()) {
            shortcut.keys().stream().filter(k -> !k.isGesture()).map(KeyStroke::combination).forEach(listed::add);
        }
        return registered.stream().filter(r -> !listed.contains(r.keys())).toList();
    }

    /** The table's rows, then any accelerator of the window the table does not name (under its menu path). */
    public static List<ShortcutTable.Row> rows(MenuBar menuBar, Scene scene) {
        List<ShortcutTable.Row> rows = new ArrayList<>(ShortcutTable.rows());
        for (Registered extra : unlisted(registered(menuBar, scene))) {
            int split = extra.path().lastIndexOf(" › ");
            String where = split < 0 ? extra.path() : extra.path().substring(0, split) + " menu";
            String action = split < 0 ? "(not in the shortcut table)" : extra.path().substring(split + 3);
            rows.add(new ShortcutTable.Row(where, action, extra.keys().getDisplayText()));
        }
        return rows;
    }

    private static void collect(Menu menu, String path, List<Registered> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof SeparatorMenuItem) {
                continue;
            }
            String itemPath = path + " › " + plain(item.getText());
            if (item instanceof Menu submenu) {
                collect(submenu, itemPath, into);
            } else if (item.getAccelerator() != null) {
                into.add(new Registered(itemPath, item.getAccelerator()));
            }
        }
    }

    /** Menu text without trailing ellipsis. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("…", "").replace("...", "").strip();
    }
}
