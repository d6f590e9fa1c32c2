package org.fvstudio.ui.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.inference.dwpose.DwposeModels;
import org.fvstudio.inference.estimation.EmbeddedModels;
import org.fvstudio.inference.estimation.EstimatorChoice;
import org.fvstudio.inference.estimation.SkeletonDetectors;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.dwpose.ModelsMissingException;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.ui.preferences.Preferences;

/**
 * What the studio's preferences say about running ONNX graphs: the default device, the thread count and
 * the model folders. Every inference the studio starts (pose extraction, generation) opens its sessions
 * with {@link #sessionSettings()} or {@link #sessionSettings(String)}, so the preferences are honoured in one place.
 *
 * @param device       the default device (Preferences › Default device)
 * @param threads      threads inside one operator; 0 lets ONNX Runtime choose (Preferences › Thread count)
 * @param modelFolders folders searched for model files, in order (Preferences › Model folders)
 * @param estimator    which skeleton detector Detect pose and video extraction use (DWPose when present by default)
 */
public record InferenceSettings(DevicePreference device, int threads, List<Path> modelFolders, EstimatorChoice estimator) {

    /** A sub-folder of a model folder that is searched too, so that "~/.fvstudio/models" also finds DWPose. */
    public static final String DWPOSE_SUBFOLDER = "dwpose";

    public InferenceSettings(DevicePreference device, int threads, List<Path> modelFolders) {
        this(device, threads, modelFolders, EstimatorChoice.AUTO);
    }

    public InferenceSettings {
        if (device == null || estimator == null) {
            throw new IllegalArgumentException("device and estimator are required");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("thread count must be >= 0, got " + threads);
        }
        modelFolders = List.copyOf(modelFolders);
        if (modelFolders.isEmpty()) {
            throw new IllegalArgumentException("at least one model folder is required");
        }
    }

    public static InferenceSettings from(Preferences preferences) {
        return new InferenceSettings(DevicePreference.valueOf(preferences.defaultDevice().name()),
                preferences.threadCount(), preferences.modelFolders(), preferences.poseEstimator().choice());
    }

    /** Sessions on the default device with the preferred thread count. */
    public SessionSettings sessionSettings() {
        return SessionSettings.defaults().withDevice(device).withIntraOpThreads(threads);
    }

    /**
     * Sessions on a device named by a project or a request ({@code auto|cpu|cuda}); blank means the default
     * device. The thread count is the preferred one either way.
     */
    public SessionSettings sessionSettings(String deviceName) {
        if (deviceName == null || deviceName.isBlank()) {
            return sessionSettings();
        }
        return sessionSettings().withDevice(DevicePreference.parse(deviceName.toLowerCase(Locale.ROOT)));
    }

    /**
     * The DWPose models: the first folder (or its {@value #DWPOSE_SUBFOLDER} sub-folder) holding both files.
     * When none does, the exception names the files missing from the most complete candidate (the first
     * folder when all are empty), so the message says exactly which files to put where.
     */
    public DwposeModels locateDwpose() throws ModelsMissingException {
        ModelsMissingException closest = null;
        for (Path candidate : dwposeCandidates()) {
            try {
                return DwposeModels.locate(candidate);
            } catch (ModelsMissingException e) {
                if (closest == null || e.missingFiles().size() < closest.missingFiles().size()) {
                    closest = e;
                }
            }
        }
        throw closest;
    }

    /**
     * Opens the skeleton detector that {@link #estimator()} asks for: DWPose from the model folders, or the
     * embedded estimator whose model ships in the assets folder.
     */
    public SkeletonDetector openSkeletonDetector() throws ModelLoadException {
        return SkeletonDetectors.open(estimator, this::locateDwpose,
                BundledAssets.locate().flatMap(BundledAssets::modelsFolder).flatMap(EmbeddedModels::in), sessionSettings());
    }

    private List<Path> dwposeCandidates() {
        List<Path> candidates = new ArrayList<>();
        for (Path folder : modelFolders) {
            candidates.add(folder);
            if (!folder.getFileName().toString().equals(DWPOSE_SUBFOLDER)) {
                candidates.add(folder.resolve(DWPOSE_SUBFOLDER));
            }
        }
        return candidates;
    }
}
