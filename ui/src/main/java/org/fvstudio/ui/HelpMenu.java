package org.fvstudio.ui;

import java.util.function.Supplier;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.view.StudioWindow;
import org.fvstudio.ui.help.ShortcutCatalog;
import org.fvstudio.ui.help.ShortcutsDialog;
import org.fvstudio.ui.help.AboutInfo;
import org.fvstudio.ui.help.AboutDialog;

/** The Help menu: keyboard shortcuts, the welcome guide again, and About. */
public final class HelpMenu {

    public static final KeyCombination SHORTCUTS_KEYS = StudioShortcut.SHORTCUTS.accelerator();

    private final ShortcutsDialog shortcuts;
    private final AboutDialog about;

    private HelpMenu(ShortcutsDialog shortcuts, AboutDialog about) {
        this.shortcuts = shortcuts;
        this.about = about;
    }

    public static HelpMenu install(StudioWindow window, StudioPreferences preferences, Supplier<AboutInfo> aboutInfo,
                                   Runnable showGuide) {
        ShortcutsDialog shortcuts = new ShortcutsDialog(window.stage(),
                () -> ShortcutCatalog.rows(window.menuBar(), window.stage().getScene()), preferences);
        AboutDialog about = new AboutDialog(window.stage(), aboutInfo, window.viewModel().tasks(), preferences);

        MenuItem shortcutsItem = new MenuItem(StudioShortcut.SHORTCUTS.action());
        shortcutsItem.setId("menuShortcuts");
        shortcutsItem.setAccelerator(SHORTCUTS_KEYS);
        shortcutsItem.setOnAction(e -> shortcuts.show());
        MenuItem guide = new MenuItem("Welcome guide…");
        guide.setId("menuGuide");
        guide.setOnAction(e -> showGuide.run());
        MenuItem aboutItem = new MenuItem("About FV Studio…");
        aboutItem.setId("menuAbout");
        aboutItem.setOnAction(e -> about.show());
        Menu help = new Menu("Help", null, shortcutsItem, guide, new SeparatorMenuItem(), aboutItem);
        help.setId("helpMenu");
        window.menuBar().getMenus().add(help);
        return new HelpMenu(shortcuts, about);
    }

    public ShortcutsDialog shortcuts() {
        return shortcuts;
    }

    public AboutDialog about() {
        return about;
    }
}
