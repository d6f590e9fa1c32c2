package org.fvstudio.ui.help;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * Collects the shortcuts really registered in the window, so the list cannot drift from the code:
 * every menu item's accelerator (with its menu path), then the scene's own accelerators that no menu
 * item carries. Those have no text of their own; code that registers one names it with {@link #describe}.
 */
public final class ShortcutCatalog {

    private static final String NAMES_KEY = ShortcutCatalog.class.getName() + ".names";
    static final String UNNAMED = "Window shortcut";

    private ShortcutCatalog() {
    }

    /** Names a scene accelerator (one that is not on a menu item) for the shortcuts list. */
    public static void describe(Scene scene, KeyCombination keys, String action) {
        names(scene).put(keys, action);
    }

    /** Every shortcut of the menu bar and the scene, in menu order, then the extra scene shortcuts. */
    public static List<Shortcut> collect(MenuBar menuBar, Scene scene) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (Menu menu : menuBar.getMenus()) {
            collect(menu, plain(menu.getText()), shortcuts);
        }
        if (scene != null) {
            Set<KeyCombination> onMenus = new LinkedHashSet<>();
            shortcuts.forEach(s -> onMenus.add(s.keys()));
            Map<KeyCombination, String> names = names(scene);
            List<Shortcut> extras = new ArrayList<>();
            for (KeyCombination keys : scene.getAccelerators().keySet()) {
                if (!onMenus.contains(keys)) {
                    extras.add(new Shortcut(names.getOrDefault(keys, UNNAMED), keys));
                }
            }
            extras.sort((a, b) -> a.action().compareTo(b.action()));
            shortcuts.addAll(extras);
        }
        return shortcuts;
    }

    private static void collect(Menu menu, String path, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof SeparatorMenuItem) {
                continue;
            }
            String itemPath = path + " › " + plain(item.getText());
            if (item instanceof Menu submenu) {
                collect(submenu, itemPath, into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(itemPath, item.getAccelerator()));
            }
        }
    }

    /** Menu text without mnemonic underscores and trailing ellipsis. */
    private static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("_", "").replace("…", "").replace("...", "").strip();
    }

    @SuppressWarnings("unchecked")
    private static Map<KeyCombination, String> names(Scene scene) {
        return (Map<KeyCombination, String>) scene.getProperties().computeIfAbsent(NAMES_KEY, k -> new HashMap<>());
    }
}
