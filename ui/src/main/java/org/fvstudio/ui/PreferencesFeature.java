package org.fvstudio.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;

import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.view.StudioWindow;
import org.fvstudio.ui.preferences.Preferences;
import org.fvstudio.ui.preferences.ThemeStyles;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.preferences.PreferencesViewModel;
import org.fvstudio.ui.preferences.PreferencesDialog;

/**
 * Connects the preferences to the studio window: Edit > Preferences… (Ctrl+Comma), the theme on the
 * window's scene, and the autosave interval of the window's autosave timer. All follow later changes.
 */
public final class PreferencesFeature {

    public static final KeyCombination PREFERENCES_KEYS = StudioShortcut.PREFERENCES.accelerator();

    private final PreferencesDialog dialog;

    private PreferencesFeature(PreferencesDialog dialog) {
        this.dialog = dialog;
    }

    public static PreferencesFeature install(StudioWindow window, StudioPreferences preferences) {
        PreferencesDialog dialog = new PreferencesDialog(window.stage(), new PreferencesViewModel(preferences), preferences);
        MenuItem item = new MenuItem(StudioShortcut.PREFERENCES.action());
        item.setId("menuPreferences");
        item.setAccelerator(PREFERENCES_KEYS);
        item.setOnAction(e -> dialog.show());
        Menu edit = window.menuBar().getMenus().stream()
                .filter(menu -> "editMenu".equals(menu.getId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the studio window has no Edit menu"));
        edit.getItems().addAll(new SeparatorMenuItem(), item);

        ThemeStyles.follow(window.stage().getScene(), preferences.currentProperty());
        window.setAutosaveInterval(Duration.minutes(preferences.current().autosaveMinutes()));
        preferences.currentProperty().addListener((obs, old, now) -> {
            if (old == null || old.autosaveMinutes() != now.autosaveMinutes()) {
                window.setAutosaveInterval(Duration.minutes(now.autosaveMinutes()));
            }
        });
        return new PreferencesFeature(dialog);
    }

    public PreferencesDialog dialog() {
        return dialog;
    }
}
