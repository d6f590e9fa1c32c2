package org.fvstudio.ui.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseImport;
import org.fvstudio.pose.openpose.PoseJsonFormat;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.fvstudio.ui.document.ProjectDocument;
import org.fvstudio.ui.document.ProjectLocation;
import org.fvstudio.ui.document.ProjectStorage;
import org.fvstudio.ui.edit.AddReferencesEdit;
import org.fvstudio.ui.edit.Edit;
import org.fvstudio.ui.edit.ProjectEdits;
import org.fvstudio.ui.edit.RemoveReferenceEdit;
import org.fvstudio.ui.importing.BoundsFit;
import org.fvstudio.ui.importing.CanvasFit;
import org.fvstudio.ui.settings.RecentProjects;
import org.fvstudio.ui.settings.StudioHome;
import org.fvstudio.ui.studio.StudioDialogs.UnsavedChoice;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.task.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's state and actions, free of controls: the window binds to it, tests drive it.
 * Runs on the FX thread; file work goes to {@link BackgroundTasks} and comes back as outcomes.
 */
public final class StudioViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StudioViewModel.class);
    public static final String BUNDLE_SUFFIX = ".fvs";

    private final ProjectStorage storage;
    private final BackgroundTasks tasks;
    private final StudioHome home;
    private final RecentProjects recent;
    /** A reference whose shorter side is below this many pixels is imported with a warning. */
    static final int SMALL_REFERENCE_PX = 64;

    private final StudioDialogs dialogs;
    private final ProjectDocument document;
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private final StringProperty selectedReferenceId = new SimpleStringProperty(this, "selectedReferenceId");
    private final IntegerProperty currentFrame = new SimpleIntegerProperty(this, "currentFrame", 0);
    private final ObjectProperty<ViewerMode> viewerMode = new SimpleObjectProperty<>(this, "viewerMode", ViewerMode.TARGET);
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final ObjectProperty<String> lastProblem = new SimpleObjectProperty<>(this, "lastProblem");
    private final ReadOnlyObjectWrapper<DrivingVideo> drivingVideo = new ReadOnlyObjectWrapper<>(this, "drivingVideo");
    private final ObservableList<ReferenceCommand> referenceCommands = FXCollections.observableArrayList();
    private final ObjectProperty<LocalTime> recoveryCopyTime = new SimpleObjectProperty<>(this, "recoveryCopyTime");
    private final StringBinding savedState;
    private final StringBinding title;
    private final ObjectBinding<Optional<ReferenceShot>> selectedReference;
    private int untitledCounter;

    public StudioViewModel(ProjectStorage storage, BackgroundTasks tasks, StudioHome home, StudioDialogs dialogs) {
        this.storage = storage;
        this.tasks = tasks;
        this.home = home;
        this.dialogs = dialogs;
        this.recent = RecentProjects.load(home.recentProjectsFile());
        this.recentProjects.setAll(recent.existingEntries());
        Project first = Project.createNew("Untitled");
        this.document = new ProjectDocument(first, ProjectLocation.scratch(nextScratchFolder()));
        this.title = Bindings.createStringBinding(
                () -> document.project().name() + (document.isDirty() ? "*" : "") + " – FV Studio",
                document.projectProperty(), document.dirtyProperty());
        // An autosave is a recovery copy, not a save: it is told beside "Unsaved changes", never as "saved".
        this.savedState = Bindings.createStringBinding(() -> !document.isDirty() ? "All changes saved"
                        : recoveryCopyTime.get() == null ? "Unsaved changes"
                        : "Unsaved changes · recovery copy at " + recoveryCopyTime.get().format(DateTimeFormatter.ofPattern("HH:mm")),
                document.dirtyProperty(), recoveryCopyTime);
        document.locationProperty().addListener((obs, old, now) -> recoveryCopyTime.set(null));
        document.dirtyProperty().addListener((obs, was, dirty) -> {
            if (!dirty) {
                recoveryCopyTime.set(null);
            }
        });
        this.selectedReference = Bindings.createObjectBinding(
                () -> selectedReferenceId.get() == null ? Optional.empty()
                        : document.project().reference(selectedReferenceId.get()),
                selectedReferenceId, document.projectProperty());
        document.projectProperty().addListener((obs, old, project) -> {
            keepSelectionValid(project);
            drivingVideo.set(project.drivingVideo());
        });
        // Picking a reference shows it; moving the playhead shows the target again.
        selectedReferenceId.addListener((obs, old, id) -> viewerMode.set(id == null ? ViewerMode.TARGET : ViewerMode.REFERENCE));
        currentFrame.addListener((obs, old, frame) -> viewerMode.set(ViewerMode.TARGET));
    }

    /** The studio's home folder (preferences, recent projects, window layout, logs). */
    public StudioHome home() {
        return home;
    }

    // ---- state -------------------------------------------------------------------------------

    public ProjectDocument document() {
        return document;
    }

    public Project project() {
        return document.project();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** "All changes saved", "Unsaved changes" or "Unsaved changes · recovery copy at 14:02". */
    public StringBinding savedStateProperty() {
        return savedState;
    }

    /** The latest problem reported to the user (also shown as a dialog); for the status bar and tests. */
    public ObjectProperty<String> lastProblemProperty() {
        return lastProblem;
    }

    public StringProperty selectedReferenceIdProperty() {
        return selectedReferenceId;
    }

    public ObjectBinding<Optional<ReferenceShot>> selectedReferenceProperty() {
        return selectedReference;
    }

    public ObjectProperty<ViewerMode> viewerModeProperty() {
        return viewerMode;
    }

    public IntegerProperty currentFrameProperty() {
        return currentFrame;
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    /** How the studio asks and tells the user (native dialogs in the window, scripted answers in tests). */
    public StudioDialogs dialogs() {
        return dialogs;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /**
     * The project's driving video: the one the current target poses were extracted from (null when none),
     * for showing its frames behind the target skeleton. Saved with the project; change it with an edit.
     */
    public ReadOnlyObjectProperty<DrivingVideo> drivingVideoProperty() {
        return drivingVideo.getReadOnlyProperty();
    }

    /** Extra commands of the reference bin's context menu, added by features. */
    public ObservableList<ReferenceCommand> referenceCommands() {
        return referenceCommands;
    }

    /** The image file of a reference inside the open bundle. */
    public Path referenceImagePath(ReferenceShot reference) {
        return document.bundleFolder().resolve("references").resolve(reference.imageFile());
    }

    /** The target pose of the current frame (through the camera). */
    public Pose currentTargetPose() {
        Project project = document.project();
        return project.targetPoseAt(Math.min(currentFrame.get(), project.frameCount() - 1));
    }

    // ---- edits -------------------------------------------------------------------------------

    /** Applies an edit; an invalid value is reported and leaves the project unchanged. */
    public boolean edit(Edit edit) {
        try {
            document.execute(edit);
            status.set(edit.description());
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            report("Cannot " + lowerFirst(edit.description()), e.getMessage());
            return false;
        }
    }

    public void undo() {
        String text = document.undoTextProperty().get();
        if (document.history().canUndo()) {
            document.undo();
            status.set(text);
        }
    }

    public void redo() {
        String text = document.redoTextProperty().get();
        if (document.history().canRedo()) {
            document.redo();
            status.set(text);
        }
    }

    public boolean renameProject(String name) {
        if (name == null || name.isBlank()) {
            report("Cannot rename project", "the project name must not be empty");
            return false;
        }
        return edit(ProjectEdits.renameProject(project(), name));
    }

    public boolean renameReference(String id, String name) {
        return edit(ProjectEdits.renameReference(project(), id, name));
    }

    public boolean setReferenceEnabled(String id, boolean enabled) {
        return edit(ProjectEdits.setReferenceEnabled(project(), id, enabled));
    }

    public boolean setReferenceScale(String id, ShotScale scale) {
        return edit(ProjectEdits.setReferenceScale(project(), id, scale));
    }

    public boolean setReferenceNote(String id, String note) {
        return edit(ProjectEdits.setReferenceNote(project(), id, note));
    }

    public boolean removeReference(String id) {
        return edit(RemoveReferenceEdit.of(project(), id));
    }

    // ---- file commands -----------------------------------------------------------------------

    public void newProject() {
        whenSafeToLeave(() -> {
            abandonScratchIfUnused();
            untitledCounter++;
            Project fresh = Project.createNew(untitledCounter == 1 ? "Untitled" : "Untitled " + untitledCounter);
            document.replace(fresh, ProjectLocation.scratch(nextScratchFolder()), false);
            currentFrame.set(0);
            status.set("New project");
        });
    }

    public void open() {
        whenSafeToLeave(() -> dialogs.chooseProjectToOpen().ifPresent(this::openWithoutAsking));
    }

    /** Opens {@code folder} after the unsaved-changes prompt. */
    public void open(Path folder) {
        whenSafeToLeave(() -> openWithoutAsking(folder));
    }

    private void openWithoutAsking(Path folder) {
        Path bundle = folder.toAbsolutePath().normalize();
        tasks.submit("Opening " + bundle.getFileName(), ctx -> {
            Project loaded = storage.load(bundle);
            Optional<java.time.Instant> autosave = storage.newerAutosave(bundle);
            return new Opened(loaded, autosave, missingVideoWarning(loaded));
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Opened> success) {
                Opened opened = success.value();
                if (opened.autosave().isPresent() && dialogs.askRecoverAutosave(bundle, opened.autosave().get())) {
                    recoverAutosave(bundle, opened.project());
                } else {
                    install(opened.project(), ProjectLocation.saved(bundle), false, "Opened " + bundle + opened.warning());
                }
            } else {
                reportOutcome("Cannot open " + bundle.getFileName(), outcome);
            }
        });
    }

    private void recoverAutosave(Path bundle, Project saved) {
        tasks.submit("Recovering " + bundle.getFileName(), ctx -> {
            Project recovered = storage.loadAutosave(bundle);
            return new Opened(recovered, Optional.empty(), missingVideoWarning(recovered));
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Opened> success) {
                install(success.value().project(), ProjectLocation.saved(bundle), true,
                        "Recovered the autosaved state of " + bundle + success.value().warning());
            } else {
                reportOutcome("Cannot recover the autosave of " + bundle.getFileName(), outcome);
                install(saved, ProjectLocation.saved(bundle), false, "Opened " + bundle);
            }
        });
    }

    /** A moved or deleted driving video is worth a warning, not a failed open: the project is complete without it. */
    private static String missingVideoWarning(Project project) {
        DrivingVideo video = project.drivingVideo();
        if (video == null || Files.isRegularFile(video.file())) {
            return "";
        }
        LOG.warn("Driving video {} not found; the editor shows no video frames", video.file());
        return " · warning: driving video " + video.file() + " not found, no video frames behind the target";
    }

    private void install(Project project, ProjectLocation location, boolean dirty, String message) {
        abandonScratchIfUnused();
        document.replace(project, location, dirty);
        selectedReferenceId.set(project.references().isEmpty() ? null : project.references().get(0).id());
        currentFrame.set(0);
        remember(location.folder());
        status.set(message);
        LOG.info(message);
    }

    public void save() {
        save(() -> { });
    }

    /** Saves, asking for a location when the project is untitled; {@code afterSaved} runs only on success. */
    public void save(Runnable afterSaved) {
        if (document.location().untitled()) {
            saveAs(afterSaved);
            return;
        }
        Path folder = document.bundleFolder();
        Project snapshot = document.project();
        long revision = document.revision();
        tasks.submit("Saving " + folder.getFileName(), ctx -> {
            storage.save(folder, snapshot);
            storage.discardAutosave(folder);
            return folder;
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Path>) {
                document.markSaved(revision, ProjectLocation.saved(folder));
                remember(folder);
                status.set("Saved " + folder);
                afterSaved.run();
            } else {
                reportOutcome("Cannot save " + folder.getFileName(), outcome);
            }
        });
    }

    public void saveAs() {
        saveAs(() -> { });
    }

    public void saveAs(Runnable afterSaved) {
        dialogs.chooseSaveLocation(document.project().name()).ifPresent(target -> saveAs(target, afterSaved));
    }

    public void saveAs(Path chosen, Runnable afterSaved) {
        Path target = withBundleSuffix(chosen.toAbsolutePath().normalize());
        Path source = document.bundleFolder();
        boolean fromScratch = document.location().untitled();
        if (target.equals(source)) {
            save(afterSaved);
            return;
        }
        if (fromScratch && document.project().name().startsWith("Untitled")) {
            // An untitled project takes the name it is saved under (an undoable rename).
            edit(ProjectEdits.renameProject(document.project(), bundleStem(target)));
        }
        Project snapshot = document.project();
        long revision = document.revision();
        String name = target.getFileName().toString();
        tasks.submit("Saving " + name, ctx -> {
            if (Files.exists(target) && !Files.isRegularFile(target.resolve("project.json"))
                    && !isEmptyFolder(target)) {
                throw new IOException(target + ": exists and is not an FV Studio project; choose another name");
            }
            // An untitled bundle is left behind anyway: it is renamed, not copied. A copy says what it copies.
            return storage.saveAs(source, target, snapshot, fromScratch, (done, total) -> ctx.progress(
                    total == 0 ? -1 : done / (double) total, "Saving " + name + ": copying the reference images and "
                            + "render cache, " + megabytes(done) + " of " + megabytes(total)));
        }, outcome -> {
            if (outcome instanceof Outcome.Success<ProjectStorage.SaveAsReport> success) {
                document.markSaved(revision, ProjectLocation.saved(target));
                if (fromScratch) {
                    deleteScratch(source);
                }
                remember(target);
                ProjectStorage.SaveAsReport report = success.value();
                status.set("Saved " + target + (report.renamed() ? (fromScratch ? " (moved from the untitled folder, nothing copied)" : "")
                        : " (" + megabytes(report.bytesCopied()) + " of reference images and render cache copied)"));
                afterSaved.run();
            } else {
                reportOutcome("Cannot save " + target.getFileName(), outcome);
            }
        });
    }

    /** Writes the recovery copy of a saved project with unsaved changes; called by the autosave timer. */
    public void autosaveNow() {
        if (!document.isDirty() || document.location().untitled()) {
            return;
        }
        Path folder = document.bundleFolder();
        Project snapshot = document.project();
        tasks.submit("Autosaving", ctx -> {
            storage.autosave(folder, snapshot);
            return folder;
        }, outcome -> {
            if (outcome instanceof Outcome.Success<Path> && folder.equals(document.bundleFolder()) && document.isDirty()) {
                recoveryCopyTime.set(LocalTime.now());
            } else if (outcome instanceof Outcome.Failure<Path> failure) {
                // An autosave that fails must not interrupt the artist with a dialog.
                status.set("Autosave failed: " + failure.message());
            }
        });
    }

    /**
     * Runs {@code proceed} once the current project may be left: at once when nothing is unsaved,
     * else after the user chose Save (and the save succeeded) or Discard. Cancel does nothing.
     */
    public void whenSafeToLeave(Runnable proceed) {
        if (!document.isDirty()) {
            proceed.run();
            return;
        }
        UnsavedChoice choice = dialogs.askUnsavedChanges(document.project().name());
        switch (choice) {
            case SAVE -> save(proceed);
            case DISCARD -> {
                discardAutosaveQuietly();
                proceed.run();
            }
            case CANCEL -> status.set("Kept the project open");
        }
    }

    /** Quit / close window: runs {@code quit} when allowed. */
    public void requestQuit(Runnable quit) {
        whenSafeToLeave(() -> {
            abandonScratchIfUnused();
            quit.run();
        });
    }

    // ---- imports -----------------------------------------------------------------------------

    public void importReferences() {
        List<Path> files = dialogs.chooseReferenceImages();
        if (!files.isEmpty()) {
            importReferenceFiles(files);
        }
    }

    /**
     * Imports images as reference shots, in the background. Files that cannot be imported are named in one
     * message and leave nothing behind; the others are imported. A new shot has no skeleton yet, so it comes in
     * unticked ("Use" off) until the artist gives it one.
     */
    public void importReferenceFiles(List<Path> files) {
        Path folder = document.bundleFolder();
        Project snapshot = document.project();
        tasks.submit("Importing " + files.size() + " reference image(s)", ctx -> {
            List<ReferenceShot> shots = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<String> usedIds = new ArrayList<>(snapshot.references().stream().map(ReferenceShot::id).toList());
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                ctx.progress(i / (double) files.size(), "Importing " + file.getFileName());
                try {
                    requireImageName(file);
                    ProjectStorage.ImportedImage image = storage.importReferenceImage(folder, file);
                    if (Math.min(image.width(), image.height()) < SMALL_REFERENCE_PX) {
                        problems.add(file.getFileName() + ": imported, but at " + image.width() + "x" + image.height()
                                + " pixels it is too small to show the character (the pack works at 128 or more)");
                    }
                    String id = nextReferenceId(usedIds);
                    usedIds.add(id);
                    shots.add(new ReferenceShot(id, stem(file), image.fileName(),
                            Pose.empty(image.width(), image.height()), ShotScale.OTHER, false, ""));
                } catch (Exception e) {
                    // One bad file must not cost the others: name it and go on.
                    problems.add(e.getMessage() != null ? e.getMessage() : file.getFileName() + ": cannot be imported");
                }
            }
            return new ImportedReferences(shots, problems);
        }, outcome -> {
            if (outcome instanceof Outcome.Success<ImportedReferences> success) {
                ImportedReferences imported = success.value();
                if (!imported.shots().isEmpty() && edit(new AddReferencesEdit(imported.shots()))) {
                    selectedReferenceId.set(imported.shots().get(imported.shots().size() - 1).id());
                    status.set("Imported " + imported.shots().size() + " reference(s), unticked until each has a "
                            + "skeleton (Pose \u25b8 Detect pose or Add person)");
                }
                if (!imported.problems().isEmpty()) {
                    report(imported.shots().isEmpty() ? "Cannot import reference images"
                            : "Some reference images need attention", String.join("\n", imported.problems()));
                }
            } else {
                reportOutcome("Cannot import reference images", outcome);
            }
        });
    }

    /** What a batch import brought in, and what it could not or warns about. */
    private record ImportedReferences(List<ReferenceShot> shots, List<String> problems) {
    }

    public void importPoseFiles() {
        List<Path> files = dialogs.choosePoseFiles();
        if (!files.isEmpty()) {
            importPoseSequence(files);
        }
    }

    public void importPoseFolder() {
        dialogs.choosePoseFolder().ifPresent(folder -> importPoseSequence(List.of(folder)));
    }

    /**
     * Makes the poses of these files (or this folder) the target track, one keyframe per frame. Poses drawn
     * on a canvas are letterboxed onto the project canvas; pixel poses whose files state no canvas are placed
     * by the bounds of all their points ({@link BoundsFit}), and the status says which.
     */
    public void importPoseSequence(List<Path> filesOrFolder) {
        Project snapshot = document.project();
        String what = filesOrFolder.size() == 1 ? filesOrFolder.get(0).getFileName().toString()
                : filesOrFolder.size() + " files";
        tasks.submit("Importing poses from " + what, ctx -> {
            OpenPoseImport read = storage.readPoseSequence(filesOrFolder);
            List<Pose> frames = read.frames();
            if (frames.isEmpty()) {
                throw new IOException(what + ": holds no pose files");
            }
            int width = snapshot.canvasWidth();
            int height = snapshot.canvasHeight();
            List<Pose> fitted;
            String note;
            if (read.pixelsWithoutCanvas()) {
                fitted = BoundsFit.fit(frames, width, height);
                note = " (no canvas size in the files: fitted to the " + width + "x" + height
                        + " canvas from the points' bounds)";
            } else {
                fitted = frames.stream().map(p -> CanvasFit.fit(p, width, height)).toList();
                Pose first = frames.get(0);
                note = first.canvasWidth() == width && first.canvasHeight() == height ? ""
                        : " (fitted from " + first.canvasWidth() + "x" + first.canvasHeight() + " to the "
                                + width + "x" + height + " canvas)";
            }
            String formats = read.formats().stream().filter(f -> f != PoseJsonFormat.OPENPOSE)
                    .map(PoseJsonFormat::label).sorted().collect(java.util.stream.Collectors.joining(", "));
            return new ImportedSequence(PoseTrack.fromFrames(fitted, Interpolation.LINEAR), frames.size(),
                    formats.isEmpty() ? "" : formats + " ", note);
        }, outcome -> {
            if (outcome instanceof Outcome.Success<ImportedSequence> success) {
                ImportedSequence sequence = success.value();
                if (edit(ProjectEdits.replaceTarget(project(), sequence.track(), sequence.frames(),
                        "Import pose sequence (" + sequence.frames() + " frames)"))) {
                    status.set("Imported " + sequence.frames() + (sequence.frames() == 1 ? " frame of " : " frames of ")
                            + sequence.kind() + "poses from " + what + sequence.note());
                }
            } else {
                reportOutcome("Cannot import poses", outcome);
            }
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void requireImageName(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
            throw new IOException(file + ": not a PNG or JPEG image");
        }
    }

    private static String nextReferenceId(List<String> used) {
        int n = 1;
        while (used.contains("ref-" + n)) {
            n++;
        }
        return "ref-" + n;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String bundleStem(Path bundle) {
        String name = bundle.getFileName().toString();
        return name.substring(0, name.length() - BUNDLE_SUFFIX.length());
    }

    private static Path withBundleSuffix(Path path) {
        return path.getFileName().toString().endsWith(BUNDLE_SUFFIX) ? path
                : path.resolveSibling(path.getFileName() + BUNDLE_SUFFIX);
    }

    /** "175 MB", "4.2 MB", "0.3 MB". */
    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return String.format(java.util.Locale.ROOT, mb >= 10 ? "%.0f MB" : "%.1f MB", mb);
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private void keepSelectionValid(Project project) {
        String id = selectedReferenceId.get();
        if (id != null && project.reference(id).isEmpty()) {
            selectedReferenceId.set(project.references().isEmpty() ? null : project.references().get(0).id());
        }
        if (currentFrame.get() >= project.frameCount()) {
            currentFrame.set(project.frameCount() - 1);
        }
    }

    private Path nextScratchFolder() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = home.untitledFolder().resolve("Untitled-" + stamp + BUNDLE_SUFFIX);
        int n = 2;
        while (Files.exists(folder)) {
            folder = home.untitledFolder().resolve("Untitled-" + stamp + "-" + n++ + BUNDLE_SUFFIX);
        }
        return folder;
    }

    /** An untitled scratch bundle that is being left without Save As holds nothing worth keeping. */
    private void abandonScratchIfUnused() {
        if (document.location() != null && document.location().untitled()) {
            deleteScratch(document.bundleFolder());
        }
    }

    private void deleteScratch(Path folder) {
        if (!folder.startsWith(home.untitledFolder()) || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the scratch bundle {}: {}", folder, e.getMessage());
        }
    }

    private void discardAutosaveQuietly() {
        if (document.location().untitled()) {
            return;
        }
        Path folder = document.bundleFolder();
        try {
            storage.discardAutosave(folder);
        } catch (Exception e) {
            LOG.warn("Could not remove the autosave of {}: {}", folder, e.getMessage());
        }
    }

    private void remember(Path folder) {
        try {
            recent.add(folder);
        } catch (IOException e) {
            LOG.warn("Could not update the recent-projects list: {}", e.getMessage());
        }
        recentProjects.setAll(recent.existingEntries());
    }

    public void clearRecentProjects() {
        try {
            recent.clear();
        } catch (IOException e) {
            report("Cannot clear recent projects", e.getMessage());
        }
        recentProjects.clear();
    }

    private void reportOutcome(String title, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Failure<?> failure) {
            report(title, failure.message());
        } else {
            status.set(title + ": cancelled");
        }
    }

    /** Reports a problem to the user (dialog, status bar, log); for commands that live outside this class. */
    /** Asks the artist how to fix references that Generate cannot use. */
    public StudioDialogs.ReferenceFix askReferenceFix(String message, Set<StudioDialogs.ReferenceFix> offered) {
        LOG.info("Generate blocked: {}", message.replace('\n', ' '));
        return dialogs.askReferenceFix(message, offered);
    }

    public void reportProblem(String title, String message) {
        report(title, message);
    }

    private void report(String title, String message) {
        LOG.info("{}: {}", title, message);
        lastProblem.set(title + ": " + message);
        status.set(title + ": " + message);
        dialogs.showProblem(title, message);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** @param warning text appended to the status message, "" when all is well */
    private record Opened(Project project, Optional<java.time.Instant> autosave, String warning) {
    }

    /**
     * @param kind the formats other than OpenPose, for the status line ("" or e.g. "MediaPipe ")
     * @param note how the poses were placed on the canvas ("" or a parenthesis)
     */
    private record ImportedSequence(PoseTrack track, int frames, String kind, String note) {
    }
}
