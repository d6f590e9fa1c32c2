package org.fvstudio.ui;

import java.util.Optional;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.extraction.ExtractionFeature;
import org.fvstudio.ui.extraction.FxExtractionDialogs;
import org.fvstudio.ui.firstrun.FirstRunGuide;
import org.fvstudio.ui.help.AboutInfo;
import org.fvstudio.ui.help.InferenceStatus;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.inference.OnnxInferenceStatus;
import org.fvstudio.ui.preferences.StudioPreferences;
import org.fvstudio.ui.view.StudioWindow;

/**
 * The parts of the studio around the editing window: preferences (menu, theme, autosave interval),
 * the welcome guide, the Help menu and DWPose pose extraction. Installed once on a built {@link StudioWindow}.
 */
public final class StudioFeatures {

    private final StudioPreferences preferences;
    private final PreferencesFeature preferencesFeature;
    private final HelpMenu help;
    private final FirstRunGuide guide;
    private final ExtractionFeature extraction;

    private StudioFeatures(StudioPreferences preferences, PreferencesFeature preferencesFeature, HelpMenu help,
                           FirstRunGuide guide, ExtractionFeature extraction) {
        this.preferences = preferences;
        this.preferencesFeature = preferencesFeature;
        this.help = help;
        this.guide = guide;
        this.extraction = extraction;
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
        ExtractionFeature extraction = ExtractionFeature.install(window,
                () -> InferenceSettings.from(preferences.current()), new FxExtractionDialogs(window.stage()));
        if (inference instanceof OnnxInferenceStatus onnx) {
            extraction.extraction().deviceUsedProperty().addListener(
                    (obs, old, device) -> onnx.recordDeviceUsed(device));
        }
        org.fvstudio.ui.adapt.AdaptationFeature.install(window);
        usePreferencesForGeneration(window.generation(), preferences);
        for (String warning : preferences.loaded().warnings()) {
            window.viewModel().lastProblemProperty().set(warning);
            window.viewModel().statusProperty().set(warning);
        }
        return new StudioFeatures(preferences, preferencesFeature, help, guide, extraction);
    }

    /** Generation opens its sessions and sizes its render cache as the preferences in force say. */
    private static void usePreferencesForGeneration(GenerationWorkspace generation, StudioPreferences preferences) {
        generation.service().setInferenceSettings(() -> InferenceSettings.from(preferences.current()));
        generation.setCacheLimit(preferences.current().cacheLimitMb() << 20);
        preferences.currentProperty().addListener((obs, old, now) -> generation.setCacheLimit(now.cacheLimitMb() << 20));
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

    public ExtractionFeature extraction() {
        return extraction;
    }
}
