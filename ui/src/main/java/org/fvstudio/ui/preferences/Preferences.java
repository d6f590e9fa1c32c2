package org.fvstudio.ui.preferences;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.ui.settings.StudioHome;

/**
 * The user's studio preferences, an immutable value. Validity depends on the machine (the thread
 * limit is its processor count), so it is checked by {@link PreferenceRules}, not here.
 *
 * @param modelFolders     folders searched for model files (DWPose first by default)
 * @param defaultDevice    the device new generations use
 * @param threadCount      inference threads; 0 lets the runtime choose
 * @param autosaveMinutes  how often unsaved changes are written to the recovery file
 * @param theme            light or dark
 * @param cacheLimitMb     the most disk space the render cache may take
 * @param showGuide        whether the first-run guide appears at start
 * @param poseEstimator    which skeleton detector Detect pose and video extraction use
 */
public record Preferences(List<Path> modelFolders, DefaultDevice defaultDevice, int threadCount,
                          int autosaveMinutes, Theme theme, long cacheLimitMb, boolean showGuide,
                          PoseEstimator poseEstimator) {

    public static final String FIELD_MODEL_FOLDERS = "Model folders";
    public static final String FIELD_DEVICE = "Default device";
    public static final String FIELD_THREADS = "Thread count";
    public static final String FIELD_AUTOSAVE = "Autosave interval";
    public static final String FIELD_THEME = "Theme";
    public static final String FIELD_CACHE = "Cache size limit";
    public static final String FIELD_ESTIMATOR = "Pose estimator";

    public static final int DEFAULT_AUTOSAVE_MINUTES = 2;
    public static final long DEFAULT_CACHE_LIMIT_MB = 2048;

    public Preferences {
        modelFolders = List.copyOf(modelFolders);
        poseEstimator = poseEstimator == null ? PoseEstimator.AUTO : poseEstimator;
    }

    /** Preferences written before the pose estimator could be chosen. */
    public Preferences(List<Path> modelFolders, DefaultDevice defaultDevice, int threadCount, int autosaveMinutes,
                       Theme theme, long cacheLimitMb, boolean showGuide) {
        this(modelFolders, defaultDevice, threadCount, autosaveMinutes, theme, cacheLimitMb, showGuide, PoseEstimator.AUTO);
    }

    /** What a first run starts with. */
    public static Preferences defaults(StudioHome home) {
        return new Preferences(List.of(defaultDwposeFolder(home)), DefaultDevice.AUTO, 0,
                DEFAULT_AUTOSAVE_MINUTES, Theme.LIGHT, DEFAULT_CACHE_LIMIT_MB, true);
    }

    public static Path defaultDwposeFolder(StudioHome home) {
        return home.root().resolve("models").resolve("dwpose");
    }

    public Preferences withModelFolders(List<Path> value) {
        return new Preferences(value, defaultDevice, threadCount, autosaveMinutes, theme, cacheLimitMb, showGuide,
                poseEstimator);
    }

    public Preferences withDefaultDevice(DefaultDevice value) {
        return new Preferences(modelFolders, value, threadCount, autosaveMinutes, theme, cacheLimitMb, showGuide,
                poseEstimator);
    }

    public Preferences withThreadCount(int value) {
        return new Preferences(modelFolders, defaultDevice, value, autosaveMinutes, theme, cacheLimitMb, showGuide,
                poseEstimator);
    }

    public Preferences withAutosaveMinutes(int value) {
        return new Preferences(modelFolders, defaultDevice, threadCount, value, theme, cacheLimitMb, showGuide,
                poseEstimator);
    }

    public Preferences withTheme(Theme value) {
        return new Preferences(modelFolders, defaultDevice, threadCount, autosaveMinutes, value, cacheLimitMb, showGuide,
                poseEstimator);
    }

    public Preferences withCacheLimitMb(long value) {
        return new Preferences(modelFolders, defaultDevice, threadCount, autosaveMinutes, theme, value, showGuide,
                poseEstimator);
    }

    public Preferences withShowGuide(boolean value) {
        return new Preferences(modelFolders, defaultDevice, threadCount, autosaveMinutes, theme, cacheLimitMb, value,
                poseEstimator);
    }

    public Preferences withPoseEstimator(PoseEstimator value) {
        return new Preferences(modelFolders, defaultDevice, threadCount, autosaveMinutes, theme, cacheLimitMb, showGuide,
                value);
    }
}
