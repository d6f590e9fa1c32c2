package org.fvstudio.ui;

import java.util.Optional;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.firstrun.FirstRunGuide;
import org.fvstudio.ui.help.AboutInfo;
import org.fvstudio.ui.help.HelpMenu;
import org.fvstudio.ui.help.InferenceStatus;
import org.fvstudio.ui.preferences.PreferencesFeature;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.view.StudioWindow;

/**
 * The parts of the studio around the editing window: preferences (menu, theme, autosave interval),
 * the welcome guide and the Help menu. Installed once on a built {@link StudioWindow}.
 */
public final class StudioFeatures {

    private final StudioPreferences preferences;
    private final PreferencesFeature preferencesFeature;
    private final HelpMenu help;
    private final FirstRunGuide guide;

    private StudioFeatures(StudioPreferences preferences, PreferencesFeature preferencesFeature, HelpMenu help,
                           FirstRunGuide guide) {
        this.preferences = preferences;
        this.preferencesFeature = preferencesFeature;
        this.help = help;
        this.guide = guide;
    }

    public static StudioFeatures install(StudioWindow window, StudioPreferences preferences, String version,
                                         InferenceStatus inference, Optional<BundledAssets> assets) {
        PreferencesFeature preferencesFeature = PreferencesFeature.install(window, preferences);
        FirstRunGuide guide = new FirstRunGuide(window.stage(), preferences, problem -> {
            window.viewModel().lastProblemProperty().set(problem);
            window.viewModel().statusProperty().set(problem);
        });
        HelpMenu help = HelpMenu.install(window, preferences, () -> AboutInfo.gather(version, inference, assets),
                guide::show);
        for (String warning : preferences.loaded().warnings()) {
            window.viewModel().lastProblemProperty().set(warning);
            window.viewModel().statusProperty().set(warning);
        }
        return new StudioFeatures(preferences, preferencesFeature, help, guide);
    }

    public StudioPreferences preferences() {
        return preferences;
    }

    public PreferencesFeature preferencesFeature() {
        return preferencesFeature;
    }

    public HelpMenu help() {
        return help;
    }

    public FirstRunGuide guide() {
        return guide;
    }
}
