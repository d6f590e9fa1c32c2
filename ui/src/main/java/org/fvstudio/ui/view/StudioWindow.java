package org.fvstudio.ui.view;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.fvstudio.pose.Pose;
import org.fvstudio.ui.editor.SkeletonEditor;
import org.fvstudio.ui.export.ExportController;
import org.fvstudio.ui.export.ExportDialog;
import org.fvstudio.ui.export.ExportFolders;
import org.fvstudio.ui.generation.GeneratedStrip;
import org.fvstudio.ui.generation.GenerationPanel;
import org.fvstudio.ui.generation.GenerationStatusView;
import org.fvstudio.ui.generation.GenerationWorkspace;
import org.fvstudio.ui.generation.ResultCompareView;
import org.fvstudio.ui.heatmap.HeatmapPanel;
import org.fvstudio.ui.keys.StudioShortcut;
import org.fvstudio.ui.settings.WindowLayout;
import org.fvstudio.ui.studio.MotionImport;
import org.fvstudio.ui.timeline.TimelineEditor;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.icons.Icons;

/**
 * The studio's main window: menu and toolbar on top, reference bin left, viewer centre,
 * inspector right, timeline and status bar at the bottom.
 */
public final class StudioWindow {

    public static final Duration AUTOSAVE_INTERVAL = Duration.minutes(2);

    private final Stage stage;
    private final StudioViewModel viewModel;
    private final ViewerView viewer;
    private final SkeletonEditor skeletonEditor;
    private final TimelineEditor timelineEditor;
    private final TimelineView timeline;
    private final GenerationWorkspace generation;
    private final ExportController exports;
    private final ResultCompareView results;
    private final HeatmapPanel heatmaps;
    private final TabPane centreTabs;
    private final WindowLayout layout;
    private final Menu recentMenu = new Menu("Open Recent");
    private final java.util.Map<StudioShortcut, MenuItem> shortcutItems = new java.util.EnumMap<>(StudioShortcut.class);
    private final MenuBar menuBar;
    private final Timeline autosave;
    private final Scene scene;

    public StudioWindow(Stage stage, StudioViewModel viewModel, Function<Pose, Optional<Image>> skeletonRenderer) {
        this.stage = stage;
        this.viewModel = viewModel;
        this.skeletonEditor = new SkeletonEditor(viewModel);
        this.timelineEditor = new TimelineEditor(viewModel);
        this.viewer = new ViewerView(viewModel, skeletonEditor, skeletonRenderer);
        this.timeline = new TimelineView(viewModel, timelineEditor);

        this.generation = new GenerationWorkspace(viewModel);
        this.exports = new ExportController(generation);
        this.results = new ResultCompareView(generation, skeletonRenderer);
        Tab editorTab = new Tab("Editor", viewer);
        editorTab.setId("editorTab");
        this.heatmaps = new HeatmapPanel(viewModel, generation, id -> centreTabsSelect(editorTab));
        generation.setReferenceEditor(id -> {
            viewModel.selectedReferenceIdProperty().set(id);
            viewModel.viewerModeProperty().set(ViewerMode.REFERENCE);
            centreTabsSelect(editorTab);
        });
        this.layout = WindowLayout.load(viewModel.home().windowLayoutFile());
        // Frame and target above, every reference's heatmap below; both scale to the room they get.
        // Who fed what and the coverage advice sit beside the heatmaps they explain.
        ScrollPane coverage = new ScrollPane(new org.fvstudio.ui.coverage.CoveragePanel(viewModel, generation));
        coverage.setFitToWidth(true);
        coverage.setFitToHeight(true);
        coverage.setMinSize(0, 0);
        SplitPane heatmapsAndCoverage = new SplitPane(heatmaps, coverage);
        heatmapsAndCoverage.setId("heatmapCoverageSplit");
        heatmapsAndCoverage.setDividerPositions(0.68);
        SplitPane resultPane = new SplitPane(results, heatmapsAndCoverage);
        resultPane.setId("resultSplit");
        resultPane.setOrientation(javafx.geometry.Orientation.VERTICAL);
        layout.restore("results", resultPane, 0.5);
        Tab resultTab = new Tab("Generated + heatmaps", resultPane);
        resultTab.setId("resultTab");
        this.centreTabs = new TabPane(editorTab, resultTab);
        centreTabs.setId("centreTabs");
        centreTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        timeline.setGeneratedStrip(new GeneratedStrip(viewModel, generation.results()));

        InspectorView inspector = new InspectorView(viewModel);
        inspector.addSection("Selected joint", new JointInspectorView(viewModel, skeletonEditor));
        inspector.addSection("Virtual camera", new CameraInspectorView(viewModel, timelineEditor));
        // Generation gets its own tab beside the inspector: settings and Generate in one place, at the top.
        ScrollPane generationScroll = new ScrollPane(new GenerationPanel(generation));
        generationScroll.setFitToWidth(true);
        Tab inspectorTab = new Tab("Inspector", inspector);
        inspectorTab.setId("inspectorTab");
        Tab generationTab = new Tab("Generate", generationScroll);
        generationTab.setId("generationTab");
        TabPane side = new TabPane(inspectorTab, generationTab);
        side.setId("sideTabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        centreTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == resultTab) {
                side.getSelectionModel().select(generationTab);
            }
        });
        SplitPane centre = new SplitPane(new ReferenceBinView(viewModel), centreTabs, side);
        centre.setId("workspaceSplit");
        layout.restore("workspace", centre, 0.2, 0.76);
        BorderPane root = new BorderPane(centre);
        root.setId("studioRoot");
        menuBar = buildMenuBar();
        root.setTop(new VBox(menuBar, toolBar()));
        StatusBarView statusBar = new StatusBarView(viewModel);
        statusBar.getChildren().add(1, new GenerationStatusView(generation.service()));
        root.setBottom(new VBox(timeline, statusBar));

        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(StudioWindow.class.getResource("studio.css").toExternalForm());
        installExtraAccelerators(scene);
        StudioKeys.install(scene, skeletonEditor, timelineEditor, viewer.canvas());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setOnCloseRequest(event -> {
            event.consume();
            requestQuit();
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, hidden);
        stage.sceneProperty().addListener(sceneReplaced);

        autosave = new Timeline(new KeyFrame(AUTOSAVE_INTERVAL, e -> viewModel.autosaveNow()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    public Stage stage() {
        return stage;
    }

    public StudioViewModel viewModel() {
        return viewModel;
    }

    public ViewerView viewer() {
        return viewer;
    }

    /** The menu bar, for features that add their own menus and items (Preferences, Help). */
    public MenuBar menuBar() {
        return menuBar;
    }

    /** Restarts the autosave timer with a new interval (Preferences). */
    public void setAutosaveInterval(Duration interval) {
        autosave.stop();
        autosave.getKeyFrames().setAll(new KeyFrame(interval, e -> viewModel.autosaveNow()));
        autosave.playFromStart();
    }

    public Duration autosaveInterval() {
        return autosave.getKeyFrames().get(0).getTime();
    }

    /** False once the window is hidden or its stage shows another scene. */
    public boolean isAutosaving() {
        return autosave.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    public SkeletonEditor skeletonEditor() {
        return skeletonEditor;
    }

    public TimelineEditor timelineEditor() {
        return timelineEditor;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public GenerationWorkspace generation() {
        return generation;
    }

    public ExportController exports() {
        return exports;
    }

    public ResultCompareView results() {
        return results;
    }

    public HeatmapPanel heatmaps() {
        return heatmaps;
    }

    /** The remembered divider positions of the window's split panes. */
    public WindowLayout layout() {
        return layout;
    }

    /** Shows the generated frame and its heatmaps. */
    public void showResults() {
        centreTabs.getSelectionModel().select(1);
    }

    private void centreTabsSelect(Tab tab) {
        centreTabs.getSelectionModel().select(tab);
    }

    private void export() {
        new ExportDialog(stage, suggestedExportFolder(), viewModel.project().name(), viewModel.project().canvasHeight())
                .showAndWait().ifPresent(exports::export);
    }

    /** Where File › Export proposes to write (beside a saved bundle; never the scratch folder of an untitled one). */
    public Path suggestedExportFolder() {
        return ExportFolders.suggest(viewModel.document().location(), exports.lastFolder(),
                Path.of(System.getProperty("user.home")));
    }

    private final javafx.event.EventHandler<javafx.stage.WindowEvent> hidden = this::windowHidden;
    private final javafx.beans.value.ChangeListener<Scene> sceneReplaced = this::sceneChanged;

    private void windowHidden(javafx.stage.WindowEvent event) {
        viewer.videoFrames().close();
        layout.save();
        retire();
    }

    /** A window whose stage shows another scene is gone: its timers must not autosave or tick on. */
    private void sceneChanged(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene old, Scene now) {
        if (old == scene && now != scene) {
            retire();
        }
    }

    /** Stops the timers and lets go of the stage (which may show another window next). */
    private void retire() {
        autosave.stop();
        timeline.stopTimer();
        stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, hidden);
        stage.sceneProperty().removeListener(sceneReplaced);
    }

    /** Quit and window close: the unsaved-changes prompt decides. */
    public void requestQuit() {
        viewModel.requestQuit(() -> {
            autosave.stop();
            timeline.stopTimer();
            generation.close();
            stage.close();
        });
    }

    private MenuBar buildMenuBar() {
        MenuItem newItem = item(StudioShortcut.NEW_PROJECT, "menuNew", viewModel::newProject);
        MenuItem open = item(StudioShortcut.OPEN, "menuOpen", viewModel::open);
        recentMenu.setId("menuRecent");
        viewModel.recentProjects().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem save = item(StudioShortcut.SAVE, "menuSave", viewModel::save);
        MenuItem saveAs = item(StudioShortcut.SAVE_AS, "menuSaveAs", viewModel::saveAs);
        MenuItem importRefs = item(StudioShortcut.IMPORT_REFERENCES, "menuImportReferences", viewModel::importReferences);
        MenuItem importPoses = item(StudioShortcut.IMPORT_POSE_FILES, "menuImportPoseFiles", viewModel::importPoseFiles);
        MenuItem importPoseFolder = item(StudioShortcut.IMPORT_POSE_FOLDER, "menuImportPoseFolder", viewModel::importPoseFolder);
        MenuItem importMotion = item("Import motion (BVH)…", "menuImportMotion", null, this::importMotion);
        MenuItem reorbit = item("Re-orbit motion…", "menuReorbit", null, this::reorbitMotion);
        reorbit.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.project().motion() == null, viewModel.document().projectProperty()));
        MenuItem export = item(StudioShortcut.EXPORT, "menuExport", this::export);
        MenuItem cancelExport = item("Cancel export", "menuCancelExport", null, exports::cancel);
        cancelExport.disableProperty().bind(exports.runningProperty().isNull());
        MenuItem quit = item(StudioShortcut.QUIT, "menuQuit", this::requestQuit);
        Menu file = new Menu("File", null, newItem, open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importRefs, importPoses, importPoseFolder, importMotion, reorbit, new SeparatorMenuItem(), export, cancelExport, new SeparatorMenuItem(), quit);

        MenuItem undo = item(StudioShortcut.UNDO, "menuUndo", viewModel::undo);
        // Edit descriptions carry file and reference names: an underscore there is text, not a mnemonic.
        undo.setMnemonicParsing(false);
        undo.textProperty().bind(viewModel.document().undoTextProperty());
        undo.disableProperty().bind(viewModel.document().canUndoProperty().not());
        MenuItem redo = item(StudioShortcut.REDO, "menuRedo", viewModel::redo);
        redo.setMnemonicParsing(false);
        redo.textProperty().bind(viewModel.document().redoTextProperty());
        redo.disableProperty().bind(viewModel.document().canRedoProperty().not());
        MenuItem copyKeys = item(StudioShortcut.COPY_KEYS, "menuCopyKeys", timelineEditor::copySelectedKeys);
        MenuItem pasteKeys = item(StudioShortcut.PASTE_KEYS, "menuPasteKeys", timelineEditor::paste);
        MenuItem selectPerson = item(StudioShortcut.SELECT_PERSON, "menuSelectPerson",
                () -> skeletonEditor.activePerson().ifPresent(skeletonEditor::selectPerson));
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), copyKeys, pasteKeys, selectPerson);
        file.setId("fileMenu");
        edit.setId("editMenu");

        MenuItem showReference = item(StudioShortcut.SHOW_REFERENCE, "menuShowReference",
                () -> viewModel.viewerModeProperty().set(ViewerMode.REFERENCE));
        MenuItem showTarget = item(StudioShortcut.SHOW_TARGET, "menuShowTarget",
                () -> viewModel.viewerModeProperty().set(ViewerMode.TARGET));
        MenuItem showResults = item(StudioShortcut.SHOW_RESULTS, "menuShowResults", this::showResults);
        Menu view = new Menu("View", null, showReference, showTarget, showResults);
        view.setId("viewMenu");

        MenuItem fit = new MenuItem(StudioShortcut.FIT.withKeys("Fit to view"));
        fit.setOnAction(e -> viewer.canvas().fitToView());
        CheckMenuItem cameraView = new CheckMenuItem(StudioShortcut.CAMERA_VIEW.withKeys("Camera view: what the model sees"));
        cameraView.setId("menuCameraView");
        cameraView.selectedProperty().bindBidirectional(skeletonEditor.cameraViewProperty());
        CheckMenuItem drivingVideo = new CheckMenuItem("Driving video behind the target");
        drivingVideo.setId("menuDrivingVideo");
        drivingVideo.selectedProperty().bindBidirectional(viewer.showDrivingVideoProperty());
        view.getItems().addAll(new SeparatorMenuItem(), fit, cameraView, drivingVideo);

        EditorMenus editorMenus = new EditorMenus(skeletonEditor, timelineEditor, timeline);
        MenuItem generate = item(StudioShortcut.GENERATE, "menuGenerate", generation::generate);
        // The menu tells what Generate would queue and for how long before it is chosen.
        generate.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> StudioShortcut.GENERATE.action() + " — " + generation.planProperty().get().describe(),
                generation.planProperty()));
        MenuItem generateStale = item("Generate stale and missing frames", "menuGenerateStale", null,
                () -> generation.generate(org.fvstudio.ui.generation.FrameRange.STALE));
        MenuItem cancelGeneration = item("Cancel generation", "menuCancelGeneration", null,
                generation.service()::cancelRunning);
        cancelGeneration.disableProperty().bind(generation.service().runningProperty().isNull());
        MenuItem clearCache = item("Clear render cache", "menuClearCache", null, generation::clearCache);
        Menu generateMenu = new Menu("Generate", null, generate, generateStale, cancelGeneration, new SeparatorMenuItem(), clearCache);
        Menu pose = editorMenus.poseMenu();
        pose.getItems().addAll(org.fvstudio.ui.retarget.RetargetMenuItems.of(viewModel, stage));
        generateMenu.setId("generateMenu");
        MenuBar bar = new MenuBar(file, edit, view, pose, editorMenus.timelineMenu(), generateMenu);
        bar.setId("menuBar");
        return bar;
    }

    private void importMotion() {
        MotionImportDialog.chooseFile(stage).ifPresent(file -> MotionImportDialog
                .askImport(stage, file, MotionImport.offersCameraReset(viewModel.project()))
                .ifPresent(choice -> new MotionImport(viewModel).importBvh(file, choice.orbit(), choice.resetCamera())));
    }

    private void reorbitMotion() {
        org.fvstudio.project.MotionSource source = viewModel.project().motion();
        if (source != null) {
            MotionImportDialog.askOrbit(stage, source.bvh()).ifPresent(orbit -> new MotionImport(viewModel).reorbit(orbit));
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path project : viewModel.recentProjects()) {
            MenuItem entry = new MenuItem(project.getFileName() + "  —  " + project.getParent());
            entry.setMnemonicParsing(false);
            entry.setOnAction(e -> viewModel.open(project));
            recentMenu.getItems().add(entry);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent projects");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setOnAction(e -> viewModel.clearRecentProjects());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private ToolBar toolBar() {
        Button undo = button(Icons.undo(), StudioShortcut.UNDO.withKeys("Undo"), "toolUndo", viewModel::undo);
        undo.disableProperty().bind(viewModel.document().canUndoProperty().not());
        Button redo = button(Icons.redo(), StudioShortcut.REDO.withKeys("Redo"), "toolRedo", viewModel::redo);
        redo.disableProperty().bind(viewModel.document().canRedoProperty().not());
        ToolBar bar = new ToolBar(
                button(Icons.newProject(), StudioShortcut.NEW_PROJECT.withKeys("New project"), "toolNew", viewModel::newProject),
                button(Icons.open(), StudioShortcut.OPEN.withKeys("Open project"), "toolOpen", viewModel::open),
                button(Icons.save(), StudioShortcut.SAVE.withKeys("Save"), "toolSave", viewModel::save),
                undo, redo,
                button(Icons.importImage(), StudioShortcut.IMPORT_REFERENCES.withKeys("Import reference images"), "toolImportReferences", viewModel::importReferences),
                button(Icons.importPoses(), StudioShortcut.IMPORT_POSE_FILES.withKeys("Import pose sequence"), "toolImportPoses", viewModel::importPoseFiles));
        bar.setId("toolBar");
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A menu item whose text and accelerator come from the shortcut table. */
    private MenuItem item(StudioShortcut shortcut, String id, Runnable action) {
        MenuItem item = item(shortcut.action(), id, shortcut.accelerator(), action);
        shortcutItems.put(shortcut, item);
        return item;
    }

    /** A menu item carries one accelerator; a shortcut's further keys (Ctrl+Y for Redo) fire the same item. */
    private void installExtraAccelerators(Scene scene) {
        shortcutItems.forEach((shortcut, item) -> {
            for (KeyCombination keys : shortcut.extraAccelerators()) {
                scene.getAccelerators().put(keys, () -> {
                    if (!item.isDisable()) {
                        item.fire();
                    }
                });
            }
        });
    }

    private static Button button(javafx.scene.Node icon, String tip, String id, Runnable action) {
        Button button = new Button(null, icon);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
