package org.fvstudio.ui.preferences;

import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Puts the theme's stylesheet on scenes and dialog panes, and keeps it in step with the preferences. */
public final class ThemeStyles {

    /** The dark stylesheet, laid over the light look (modena + studio.css). */
    public static final String DARK_STYLESHEET =
            ThemeStyles.class.getResource("dark.css").toExternalForm();
    public static final String DARK_STYLE_CLASS = "theme-dark";

    private ThemeStyles() {
    }

    public static void apply(Scene scene, Theme theme) {
        apply(scene.getStylesheets(), theme);
        if (scene.getRoot() != null) {
            markRoot(scene.getRoot(), theme);
        }
    }

    /** For dialog panes and other roots that carry their own stylesheets. */
    public static void apply(Parent root, Theme theme) {
        apply(root.getStylesheets(), theme);
        markRoot(root, theme);
    }

    /** Applies the theme now and whenever the preferences change. */
    public static void follow(Scene scene, ObservableValue<Preferences> preferences) {
        apply(scene, preferences.getValue().theme());
        preferences.addListener((obs, old, now) -> apply(scene, now.theme()));
    }

    public static boolean isDark(Scene scene) {
        return scene.getStylesheets().contains(DARK_STYLESHEET);
    }

    private static void apply(List<String> stylesheets, Theme theme) {
        if (theme == Theme.DARK) {
            if (!stylesheets.contains(DARK_STYLESHEET)) {
                stylesheets.add(DARK_STYLESHEET);
            }
        } else {
            stylesheets.remove(DARK_STYLESHEET);
        }
    }

    private static void markRoot(Parent root, Theme theme) {
        root.getStyleClass().remove(DARK_STYLE_CLASS);
        if (theme == Theme.DARK) {
            root.getStyleClass().add(DARK_STYLE_CLASS);
        }
    }
}
