package org.fvstudio.ui.extraction;

import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.studio.ReferenceCommand;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.view.StatusBarView;
import org.fvstudio.ui.view.StudioWindow;

/**
 * Puts DWPose into the studio window: Pose › Detect pose (Ctrl+Shift+D) and Detect pose in the reference
 * bin's context menu, File › Extract poses from video…, Pose › Cancel pose extraction, and a status-bar item
 * with the device used and a Cancel button.
 */
public final class ExtractionFeature {

    public static final KeyCombination DETECT_KEYS = StudioShortcut.DETECT_POSE.accelerator();

    private final PoseExtraction extraction;
    private final ExtractionDialogs dialogs;

    private ExtractionFeature(PoseExtraction extraction, ExtractionDialogs dialogs) {
        this.extraction = extraction;
        this.dialogs = dialogs;
    }

    public static ExtractionFeature install(StudioWindow window, Supplier<InferenceSettings> settings,
                                            ExtractionDialogs dialogs) {
        StudioViewModel studio = window.viewModel();
        ExtractionFeature feature = new ExtractionFeature(new PoseExtraction(studio, settings), dialogs);
        PoseExtraction extraction = feature.extraction;

        MenuItem detect = new MenuItem(StudioShortcut.DETECT_POSE.action());
        detect.setId("menuDetectPose");
        detect.setAccelerator(DETECT_KEYS);
        detect.setOnAction(e -> extraction.detectPoseOnSelectedReference());
        detect.disableProperty().bind(Bindings.or(extraction.busyProperty(),
                studio.selectedReferenceIdProperty().isNull()));
        MenuItem cancel = new MenuItem("Cancel pose extraction");
        cancel.setId("menuCancelExtraction");
        cancel.setOnAction(e -> extraction.cancel());
        cancel.disableProperty().bind(extraction.busyProperty().not());
        Menu pose = poseMenu(window.menuBar());
        if (!pose.getItems().isEmpty()) {
            pose.getItems().add(0, new SeparatorMenuItem());
        }
        pose.getItems().addAll(0, java.util.List.of(detect, cancel));

        MenuItem fromVideo = new MenuItem("Extract poses from video…");
        fromVideo.setId("menuExtractVideo");
        fromVideo.setOnAction(e -> feature.extractFromChosenVideo());
        fromVideo.disableProperty().bind(extraction.busyProperty());
        addToImports(menu(window.menuBar(), "fileMenu").orElseThrow(
                () -> new IllegalStateException("the studio window has no File menu")), fromVideo);

        studio.referenceCommands().add(new ReferenceCommand("Detect pose", ReferenceCommand.DETECT_POSE, extraction::detectPose));
        Node bar = window.stage().getScene().lookup("#statusBar");
        if (bar instanceof StatusBarView statusBar) {
            statusBar.addSection(new ExtractionStatusView(extraction));
        }
        return feature;
    }

    public PoseExtraction extraction() {
        return extraction;
    }

    /** File › Extract poses from video…: choose a file, choose the options, run. */
    public void extractFromChosenVideo() {
        dialogs.chooseVideo().ifPresent(video -> dialogs.askVideoOptions(video)
                .ifPresent(options -> extraction.extractFromVideo(video, options)));
    }

    /** The Pose menu of the skeleton editor when the window has one, else a new one after View. */
    private static Menu poseMenu(MenuBar bar) {
        return menu(bar, "menuPose").orElseGet(() -> {
            Menu pose = new Menu("Pose");
            pose.setId("menuPose");
            int view = bar.getMenus().indexOf(menu(bar, "viewMenu").orElse(null));
            bar.getMenus().add(view >= 0 ? view + 1 : bar.getMenus().size(), pose);
            return pose;
        });
    }

    /** After the last pose-sequence import item, or before the File menu's last separator. */
    private static void addToImports(Menu file, MenuItem item) {
        int at = -1;
        for (int i = 0; i < file.getItems().size(); i++) {
            String id = file.getItems().get(i).getId();
            if (id != null && id.startsWith("menuImport")) {
                at = i + 1;
            }
        }
        if (at < 0) {
            at = file.getItems().size();
            for (int i = file.getItems().size() - 1; i >= 0; i--) {
                if (file.getItems().get(i) instanceof SeparatorMenuItem) {
                    at = i;
                    break;
                }
            }
        }
        file.getItems().add(at, item);
    }

    private static Optional<Menu> menu(MenuBar bar, String id) {
        return bar.getMenus().stream().filter(m -> id.equals(m.getId())).findFirst();
    }
}
