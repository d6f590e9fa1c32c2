package org.fvstudio.ui.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.document.BundleProjectStorage;
import org.fvstudio.ui.studio.StudioDialogs.UnsavedChoice;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class StudioViewModelTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private StudioViewModel viewModel;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        viewModel = fx(() -> StudioFixture.viewModel(tasks, temp, dialogs));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private Path images() {
        Path dir = temp.resolve("in");
        copyResource("images/astronaut.png", dir);
        copyResource("images/pose2sim_cam03_frame30.jpg", dir);
        return dir;
    }

    private void importBothImages() {
        Path dir = images();
        fx(() -> viewModel.importReferenceFiles(List.of(dir.resolve("astronaut.png"), dir.resolve("pose2sim_cam03_frame30.jpg"))));
        awaitJobs(tasks);
    }

    @Test
    void importedImagesBecomeReferencesWithTheirSizeAndAreUndoable() {
        importBothImages();

        Project project = viewModel.project();
        assertThat(project.references()).extracting(r -> r.name()).containsExactly("astronaut", "pose2sim_cam03_frame30");
        assertThat(project.references().get(0).pose().canvasWidth()).isEqualTo(512);
        assertThat(project.references().get(1).pose().canvasHeight()).isEqualTo(480);
        assertThat(viewModel.referenceImagePath(project.references().get(1))).isRegularFile();
        assertThat(fx(() -> viewModel.titleProperty().get())).isEqualTo("Untitled* – FV Studio");

        fx(viewModel::undo);
        assertThat(viewModel.project().references()).isEmpty();
        assertThat(fx(() -> viewModel.titleProperty().get())).isEqualTo("Untitled – FV Studio");
        fx(viewModel::redo);
        assertThat(viewModel.project().references()).hasSize(2);
    }

    @Test
    void aBadFileInABatchIsNamedAndTheGoodOnesAreImportedWithoutOrphans() throws IOException {
        Path dir = images();
        Path text = Files.writeString(dir.resolve("notes.png"), "these are notes, not pixels");
        List<Path> batch = List.of(dir.resolve("astronaut.png"), text, dir.resolve("pose2sim_cam03_frame30.jpg"));

        fx(() -> viewModel.importReferenceFiles(batch));
        awaitJobs(tasks);

        assertThat(viewModel.project().references()).extracting(ReferenceShot::name)
                .containsExactly("astronaut", "pose2sim_cam03_frame30");
        assertThat(dialogs.problems).singleElement().asString()
                .contains("Some reference images need attention", "notes.png", "not a PNG or JPEG");
        Path references = viewModel.document().bundleFolder().resolve(ProjectBundle.REFERENCES_DIR);
        try (var files = Files.list(references)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .as("every copied file belongs to an imported reference")
                    .containsExactlyInAnyOrderElementsOf(viewModel.project().references().stream()
                            .map(ReferenceShot::imageFile).toList());
        }
    }

    @Test
    void aDecompressionBombIsRefusedOnImportAndTheUnsavedWorkStays() {
        importBothImages();
        Project before = viewModel.project();
        Path bomb = copyResource("images/bomb-20000x20000.png", temp.resolve("hostile"));

        fx(() -> viewModel.importReferenceFiles(List.of(bomb)));
        awaitJobs(tasks);

        assertThat(dialogs.problems).singleElement().asString().contains("bomb-20000x20000.png declares 20000x20000"
                + " pixels (400 megapixels), more than the 16384 px a side and 100 megapixels FV Studio reads for a picture");
        assertThat(viewModel.project()).isEqualTo(before);
        assertThat(fx(() -> viewModel.titleProperty().get())).isEqualTo("Untitled* – FV Studio");
        assertThat(viewModel.document().bundleFolder().resolve(ProjectBundle.REFERENCES_DIR).resolve("bomb-20000x20000.png"))
                .doesNotExist();
    }

    @Test
    void aNewReferenceHasNoSkeletonSoItComesInUnticked() {
        importBothImages();
        assertThat(viewModel.project().references()).allSatisfy(r -> {
            assertThat(r.hasSkeleton()).isFalse();
            assertThat(r.enabled()).as("%s ticked", r.name()).isFalse();
        });
        assertThat(viewModel.statusProperty().get()).contains("unticked until each has a skeleton");
    }

    @Test
    void aTinyImageIsImportedWithAWarning() throws IOException {
        Path tiny = temp.resolve("in").resolve("thumb.png");
        Files.createDirectories(tiny.getParent());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", tiny.toFile());

        fx(() -> viewModel.importReferenceFiles(List.of(tiny)));
        awaitJobs(tasks);

        assertThat(viewModel.project().references()).singleElement().extracting(ReferenceShot::name).isEqualTo("thumb");
        assertThat(dialogs.problems).singleElement().asString().contains("thumb.png", "10x10", "too small");
    }

    @Test
    void aCorruptPngIsNamedAndNothingIsImported() throws IOException {
        Path dir = images();
        byte[] png = Files.readAllBytes(dir.resolve("astronaut.png"));
        Path broken = Files.write(dir.resolve("broken.png"), java.util.Arrays.copyOf(png, png.length / 3));
        Project before = viewModel.project();

        fx(() -> viewModel.importReferenceFiles(List.of(broken)));
        awaitJobs(tasks);

        assertThat(viewModel.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString().contains("broken.png", "corrupt PNG");
    }

    @Test
    void aFileWithoutAnImageSuffixIsRefused() throws IOException {
        Path pdf = Files.writeString(temp.resolve("scan.pdf"), "%PDF-1.4");
        Project before = viewModel.project();

        fx(() -> viewModel.importReferenceFiles(List.of(pdf)));
        awaitJobs(tasks);

        assertThat(viewModel.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString().contains("scan.pdf", "not a PNG or JPEG image");
    }

    @Test
    void aJsonThatIsNotAPoseFileIsNamedAndTheTargetIsUnchanged() throws IOException {
        Path json = Files.writeString(temp.resolve("settings.json"), "{\"theme\": \"dark\", \"zoom\": 2}");
        Project before = viewModel.project();

        fx(() -> viewModel.importPoseSequence(List.of(json)));
        awaitJobs(tasks);

        assertThat(viewModel.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString().contains("Cannot import poses", "settings.json");
    }

    @Test
    void aMissingFolderIsNamedAndTheTargetIsUnchanged() {
        Path missing = temp.resolve("no-such-poses");
        Project before = viewModel.project();

        fx(() -> viewModel.importPoseSequence(List.of(missing)));
        awaitJobs(tasks);

        assertThat(viewModel.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString().contains("no-such-poses");
    }

    @Test
    void aPoseSequenceBecomesTheTargetAndGrowsTheFrameCount() {
        fx(() -> viewModel.importPoseSequence(List.of(FxTestSupport.cam03Folder())));
        awaitJobs(tasks);

        Project project = viewModel.project();
        assertThat(dialogs.problems).isEmpty();
        assertThat(project.frameCount()).isEqualTo(100);
        assertThat(project.target().people()).hasSize(1);
        assertThat(project.target().people().get(0).keyframes()).hasSize(100);
        // The files state no canvas: placed into the 512x512 canvas by the points' bounds (PoseSequenceImportTest).
        assertThat(project.rawTargetPoseAt(0).people().get(0).x(1)).isBetween(0.0, 512.0);
        assertThat(viewModel.statusProperty().get()).contains("100 frames", "fitted");

        fx(viewModel::undo);
        assertThat(viewModel.project().frameCount()).isEqualTo(48);
        assertThat(viewModel.project().target().isEmpty()).isTrue();
    }

    @Test
    void anEmptyProjectNameIsRefused() {
        fx(() -> viewModel.renameProject("   "));
        assertThat(viewModel.project().name()).isEqualTo("Untitled");
        assertThat(dialogs.problems).singleElement().asString().contains("must not be empty");
    }

    @Test
    void leavingACleanProjectDoesNotAsk() {
        AtomicInteger proceeded = new AtomicInteger();
        fx(() -> viewModel.whenSafeToLeave(proceeded::incrementAndGet));
        assertThat(proceeded).hasValue(1);
        assertThat(dialogs.unsavedQuestions).isEmpty();
    }

    @Test
    void cancelKeepsTheProjectOpen() {
        fx(() -> viewModel.renameProject("Dance"));
        dialogs.unsavedAnswers.push(UnsavedChoice.CANCEL);
        AtomicInteger proceeded = new AtomicInteger();

        fx(() -> viewModel.whenSafeToLeave(proceeded::incrementAndGet));

        assertThat(dialogs.unsavedQuestions).containsExactly("Dance");
        assertThat(proceeded).hasValue(0);
        assertThat(viewModel.document().isDirty()).isTrue();
    }

    @Test
    void discardProceedsWithoutSaving() {
        fx(() -> viewModel.renameProject("Dance"));
        dialogs.unsavedAnswers.push(UnsavedChoice.DISCARD);
        AtomicInteger proceeded = new AtomicInteger();

        fx(() -> viewModel.whenSafeToLeave(proceeded::incrementAndGet));

        assertThat(proceeded).hasValue(1);
        assertThat(temp.resolve("Dance.fvs")).doesNotExist();
    }

    @Test
    void saveOnAnUntitledProjectAsksWhereAndProceedsOnlyAfterSaving() throws Exception {
        fx(() -> viewModel.renameProject("Dance"));
        dialogs.unsavedAnswers.push(UnsavedChoice.SAVE);
        dialogs.saveLocations.push(java.util.Optional.of(temp.resolve("Dance")));
        AtomicInteger proceeded = new AtomicInteger();

        fx(() -> viewModel.whenSafeToLeave(proceeded::incrementAndGet));
        awaitJobs(tasks);

        assertThat(proceeded).hasValue(1);
        Path saved = temp.resolve("Dance.fvs");
        assertThat(new BundleProjectStorage().load(saved).name()).isEqualTo("Dance");
        assertThat(viewModel.document().isDirty()).isFalse();
        assertThat(viewModel.recentProjects()).containsExactly(saved);
        // The scratch bundle of the untitled project is gone once it was saved elsewhere.
        try (var scratch = Files.list(temp.resolve("home/untitled"))) {
            assertThat(scratch).isEmpty();
        }
    }

    @Test
    void savingAnUntitledProjectMovesItsBundleAndSaveAsOfASavedOneSaysWhatItCopies() {
        importBothImages();
        dialogs.saveLocations.push(java.util.Optional.of(temp.resolve("Shots.fvs")));
        fx(() -> viewModel.saveAs());
        awaitJobs(tasks);
        assertThat(viewModel.statusProperty().get())
                .isEqualTo("Saved " + temp.resolve("Shots.fvs") + " (moved from the untitled folder, nothing copied)");

        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> tasks.messageProperty().addListener((obs, old, now) -> messages.add(now)));
        dialogs.saveLocations.push(java.util.Optional.of(temp.resolve("Shots copy.fvs")));
        fx(() -> viewModel.saveAs());
        awaitJobs(tasks);

        assertThat(messages).anySatisfy(m -> assertThat(m).matches(
                "Saving Shots copy\\.fvs: copying the reference images and render cache, [0-9.]+ MB of [0-9.]+ MB"));
        assertThat(viewModel.statusProperty().get()).matches("Saved .*Shots copy\\.fvs \\([0-9.]+ MB of reference "
                + "images and render cache copied\\)");
        assertThat(temp.resolve("Shots.fvs/project.json")).isRegularFile();
    }

    @Test
    void saveWhoseLocationIsCancelledDoesNotProceed() {
        fx(() -> viewModel.renameProject("Dance"));
        dialogs.unsavedAnswers.push(UnsavedChoice.SAVE);
        AtomicInteger proceeded = new AtomicInteger();

        fx(() -> viewModel.whenSafeToLeave(proceeded::incrementAndGet));
        awaitJobs(tasks);

        assertThat(proceeded).hasValue(0);
        assertThat(viewModel.document().isDirty()).isTrue();
    }

    @Test
    void editsAfterOpeningASavedProjectAreSavedInPlaceAndAutosaveIsOfferedOnReopen() throws Exception {
        importBothImages();
        String first = viewModel.project().references().get(0).id();
        fx(() -> viewModel.setReferenceScale(first, ShotScale.CLOSE_UP));
        dialogs.saveLocations.push(java.util.Optional.of(temp.resolve("Shots.fvs")));
        fx(() -> viewModel.saveAs());
        awaitJobs(tasks);
        Path bundle = temp.resolve("Shots.fvs");
        assertThat(viewModel.document().isDirty()).isFalse();

        fx(() -> viewModel.renameReference(first, "Face"));
        fx(viewModel::autosaveNow);
        awaitJobs(tasks);
        // Cancel keeps the project; Save then writes it in place and removes the autosave.
        dialogs.unsavedAnswers.push(UnsavedChoice.CANCEL);
        dialogs.recoverAutosave = true;
        fx(() -> viewModel.newProject());
        assertThat(viewModel.project().name()).isEqualTo("Shots");

        dialogs.unsavedAnswers.push(UnsavedChoice.SAVE);
        fx(() -> viewModel.renameReference(first, "Face close-up"));
        fx(() -> viewModel.newProject());
        awaitJobs(tasks);
        assertThat(viewModel.project().references()).isEmpty();

        fx(() -> viewModel.open(bundle));
        awaitJobs(tasks);
        assertThat(dialogs.recoveryOffers).isEmpty();
        assertThat(viewModel.project().reference(first).orElseThrow().name()).isEqualTo("Face close-up");
        assertThat(viewModel.project().reference(first).orElseThrow().scale()).isEqualTo(ShotScale.CLOSE_UP);
    }

    @Test
    void aNewerAutosaveIsOfferedAndRecovered() throws Exception {
        importBothImages();
        dialogs.saveLocations.push(java.util.Optional.of(temp.resolve("Shots.fvs")));
        fx(() -> viewModel.saveAs());
        awaitJobs(tasks);
        Path bundle = temp.resolve("Shots.fvs");
        String first = viewModel.project().references().get(0).id();
        Thread.sleep(1100); // file times of some file systems have a one-second grain
        fx(() -> viewModel.renameReference(first, "Recovered name"));
        fx(viewModel::autosaveNow);
        awaitJobs(tasks);

        dialogs.unsavedAnswers.push(UnsavedChoice.CANCEL);
        dialogs.recoverAutosave = true;
        // Simulates a crash: a fresh view-model opens the bundle whose autosave is newer.
        StudioViewModel afterCrash = fx(() -> StudioFixture.viewModel(tasks, temp, dialogs));
        fx(() -> afterCrash.open(bundle));
        awaitJobs(tasks);

        assertThat(dialogs.recoveryOffers).containsExactly(bundle);
        assertThat(afterCrash.project().reference(first).orElseThrow().name()).isEqualTo("Recovered name");
        assertThat(afterCrash.document().isDirty()).isTrue();
    }
}
