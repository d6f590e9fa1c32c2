package org.fvstudio.ui.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fvstudio.inference.dwpose.DwposeTestModels.PERSON_A;
import static org.fvstudio.inference.dwpose.DwposeTestModels.PERSON_B;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.copyResource;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fvstudio.inference.dwpose.DwposeTestModels;
import org.fvstudio.inference.dwpose.OneEuroSettings;
import org.fvstudio.inference.dwpose.VideoExtractionOptions;
import org.fvstudio.inference.estimation.EstimatorChoice;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.DrivingVideo;
import org.fvstudio.project.Project;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.edit.ProjectEdits;
import org.fvstudio.ui.inference.InferenceSettings;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Detect pose and extract from video through the view-model, with the stand-in DWPose models. */
class PoseExtractionTest {

    @TempDir
    Path temp;

    private BackgroundTasks tasks;
    private ScriptedDialogs dialogs;
    private StudioViewModel studio;
    private InferenceSettings settings;
    private PoseExtraction extraction;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        tasks = new BackgroundTasks();
        dialogs = new ScriptedDialogs();
        settings = DwposeTestData.settings();
        studio = fx(() -> StudioFixture.viewModel(tasks, temp, dialogs));
        extraction = new PoseExtraction(studio, () -> settings);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private String importFrame30() {
        return importReference("images/pose2sim_cam03_frame30.jpg");
    }

    private String importReference(String resource) {
        Path image = copyResource(resource, temp.resolve("in"));
        fx(() -> studio.importReferenceFiles(List.of(image)));
        awaitJobs(tasks);
        return studio.project().references().get(0).id();
    }

    /** Detect pose on reference {@code id} with an empty DWPose folder (AUTO: the embedded estimator runs). */
    private Pose detectWithoutDwposeFiles(String id) throws Exception {
        Path empty = Files.createDirectories(temp.resolve("models").resolve("dwpose"));
        settings = new InferenceSettings(DevicePreference.CPU, 1, List.of(empty), EstimatorChoice.AUTO);
        fx(() -> extraction.detectPose(id));
        awaitDone();
        assertThat(dialogs.problems).isEmpty();
        return studio.project().reference(id).orElseThrow().pose();
    }

    @Test
    void detectPoseAppliesBothPeopleAsOneUndoableEditAndShowsTheReference() {
        String id = importFrame30();
        fx(() -> studio.selectedReferenceIdProperty().set(null));
        Pose empty = studio.project().reference(id).orElseThrow().pose();
        assertThat(empty.people()).isEmpty();

        // The detection may finish before the test looks, so record that it was busy rather than sampling it.
        java.util.concurrent.atomic.AtomicBoolean wasBusy = new java.util.concurrent.atomic.AtomicBoolean();
        fx(() -> {
            extraction.busyProperty().addListener((o, before, now) -> wasBusy.compareAndSet(false, now));
            extraction.detectPose(id);
        });
        awaitDone();
        assertThat(wasBusy).isTrue();

        assertThat(dialogs.problems).isEmpty();
        Pose detected = studio.project().reference(id).orElseThrow().pose();
        assertThat(detected.canvasWidth()).isEqualTo(272);
        assertThat(detected.canvasHeight()).isEqualTo(480);
        assertThat(detected.people()).hasSize(2);
        assertNose(detected.people().get(0), nose(PERSON_A, 272, 480));
        assertNose(detected.people().get(1), nose(PERSON_B, 272, 480));
        assertThat(studio.selectedReferenceIdProperty().get()).isEqualTo(id);
        assertThat(studio.viewerModeProperty().get()).isEqualTo(ViewerMode.REFERENCE);
        assertThat(studio.statusProperty().get()).contains("Detected 2 people", "estimator CPU");
        assertThat(extraction.deviceUsedProperty().get()).startsWith("DWPose: detector CPU, estimator CPU");
        assertThat(extraction.busyProperty().get()).isFalse();
        assertThat(studio.document().undoTextProperty().get()).isEqualTo("Undo Detect pose (2 people)");

        fx(studio::undo);
        assertThat(studio.project().reference(id).orElseThrow().pose()).isEqualTo(empty);
        assertThat(studio.project().references()).hasSize(1);
        fx(studio::redo);
        assertThat(studio.project().reference(id).orElseThrow().pose()).isEqualTo(detected);
    }

    @Test
    void withoutDwposeFilesTheEmbeddedEstimatorFindsThePersonAndSaysSo() throws Exception {
        Pose detected = detectWithoutDwposeFiles(importFrame30());
        assertThat(detected.people()).hasSize(1);
        PersonPose person = detected.people().get(0);
        // The walker of frame 30 stands in the middle of the 272 x 480 picture, head in the upper third.
        assertThat(person.confidence(0)).isGreaterThan(0.3);
        assertThat(person.y(0)).isBetween(40.0, 200.0);
        assertThat(person.x(0)).isBetween(60.0, 220.0);
        assertThat(studio.statusProperty().get()).contains("Detected 1 person", "embedded estimator (MoveNet Thunder + MultiPose, hands, face, feet)");
        assertThat(extraction.deviceUsedProperty().get()).startsWith("embedded estimator (MoveNet Thunder + MultiPose, hands, face, feet): estimator CPU");
    }

    /**
     * Frame 25 of Pose2Sim cam01 (270 x 480): the walker in the middle (OpenPose puts them at x 55-180, y 110-290
     * at this size) and a bystander at the left edge (x 3-30, y 70-190). The embedded estimator finds both.
     */
    @Test
    void withoutDwposeFilesTheEmbeddedEstimatorFindsTheWalkerAndTheBystander() throws Exception {
        Pose detected = detectWithoutDwposeFiles(importReference("images/pose2sim_cam01_f025.png"));
        assertThat(detected.people()).hasSize(2);
        PersonPose walker = detected.people().get(0);
        PersonPose bystander = detected.people().get(1);
        assertThat(walker.x(1)).as("walker's neck").isBetween(90.0, 170.0);
        assertThat(walker.y(1)).isBetween(110.0, 170.0);
        assertThat(bystander.x(1)).as("bystander's neck").isBetween(0.0, 40.0);
        assertThat(bystander.y(1)).isBetween(70.0, 120.0);
        assertThat(studio.statusProperty().get()).contains("Detected 2 people", "embedded estimator");
        assertThat(studio.document().undoTextProperty().get()).isEqualTo("Undo Detect pose (2 people)");
    }

    @Test
    void missingModelsNameBothFilesAndTheFolderAndChangeNothing() throws Exception {
        String id = importFrame30();
        Path empty = Files.createDirectories(temp.resolve("models").resolve("dwpose"));
        settings = new InferenceSettings(DevicePreference.CPU, 1, List.of(empty), EstimatorChoice.DWPOSE);
        Project before = studio.project();
        String undoBefore = studio.document().undoTextProperty().get();

        fx(() -> extraction.detectPose(id));
        awaitDone();

        assertThat(studio.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString()
                .contains("Cannot detect pose", "yolox_l.onnx", "dw-ll_ucoco_384.onnx", "into " + empty, "downloads nothing");
        assertThat(studio.document().undoTextProperty().get()).isEqualTo(undoBefore);
        assertThat(extraction.busyProperty().get()).isFalse();

        fx(() -> extraction.extractFromVideo(DwposeTestData.VIDEO, VideoExtractionOptions.defaults()));
        awaitDone();
        assertThat(studio.project()).isEqualTo(before);
        assertThat(dialogs.problems).hasSize(2).last().asString()
                .contains("Cannot extract poses from pose2sim_cam03.mp4", "yolox_l.onnx", "dw-ll_ucoco_384.onnx", empty.toString());
    }

    @Test
    void videoWithStrideTenBecomesTheTargetTrackRetimedToTheProjectRate() {
        Project before = studio.project();
        assertThat(before.fps()).isEqualTo(24);

        fx(() -> extraction.extractFromVideo(DwposeTestData.VIDEO,
                new VideoExtractionOptions(10, OneEuroSettings.forPixels(), true)));
        awaitDone();

        assertThat(dialogs.problems).isEmpty();
        Project after = studio.project();
        assertThat(after.target().people()).hasSize(1);
        PersonTrack person = after.target().people().get(0);
        // Video frames 0, 10, ..., 90 at 60 fps land on project frames round(f * 24 / 60).
        assertThat(person.keyframes()).extracting(PoseKeyframe::frame).containsExactly(0, 4, 8, 12, 16, 20, 24, 28, 32, 36);
        assertThat(after.frameCount()).isEqualTo(48);
        double[] nose = fittedToCanvas(nose(PERSON_A, 1088, 1920), 512, 512);
        for (PoseKeyframe key : person.keyframes()) {
            assertNose(key.pose(), nose);
        }
        assertThat(studio.drivingVideoProperty().get()).isEqualTo(new DrivingVideo(DwposeTestData.VIDEO.toAbsolutePath().normalize(), 60.0));
        assertThat(after.drivingVideo()).isEqualTo(studio.drivingVideoProperty().get());
        assertThat(studio.drivingVideoProperty().get().sourceFrameAt(36, after.fps())).isEqualTo(90);
        assertThat(studio.statusProperty().get()).contains("10 keys", "retimed from 60 to 24 fps",
                "fitted from 1088x1920 to the 512x512 canvas");

        fx(studio::undo);
        assertThat(studio.project()).isEqualTo(before);
        assertThat(studio.drivingVideoProperty().get()).isNull();
    }

    @Test
    void aProjectAtTheVideoRateKeepsTheFrameNumbersAndGrowsToHoldThem() {
        fx(() -> studio.edit(ProjectEdits.setFps(studio.project(), 60)));
        Project before = studio.project();

        fx(() -> extraction.extractFromVideo(DwposeTestData.VIDEO, VideoExtractionOptions.defaults().withFrameStride(10)));
        awaitDone();

        Project after = studio.project();
        assertThat(after.target().people()).hasSize(2);
        assertThat(after.target().people()).allSatisfy(person -> assertThat(person.keyframes())
                .extracting(PoseKeyframe::frame).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90));
        assertThat(after.frameCount()).isEqualTo(91);
        assertNose(after.target().people().get(1).keyframes().get(3).pose(),
                fittedToCanvas(nose(PERSON_B, 1088, 1920), 512, 512));

        fx(studio::undo);
        assertThat(studio.project()).isEqualTo(before);
        assertThat(studio.project().frameCount()).isEqualTo(48);
    }

    @Test
    void aFileThatIsNoVideoIsNamedAndChangesNothing() throws Exception {
        Path notes = Files.writeString(temp.resolve("notes.mp4"), "shot list, not a video");
        Project before = studio.project();

        fx(() -> extraction.extractFromVideo(notes, VideoExtractionOptions.defaults()));
        awaitDone();

        assertThat(studio.project()).isEqualTo(before);
        assertThat(dialogs.problems).singleElement().asString()
                .startsWith("Cannot extract poses from notes.mp4: ").contains(notes.toString());
    }

    @Test
    void cancellingMidwayLeavesTheProjectUnchanged() throws Exception {
        Project before = studio.project();

        fx(() -> extraction.extractFromVideo(DwposeTestData.VIDEO, VideoExtractionOptions.defaults()));
        // Wait for the first frames to be done, then cancel while the rest are still to come.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> tasks.progressProperty().get() > 0));
        double progressAtCancel = fx(() -> {
            double progress = tasks.progressProperty().get();
            extraction.cancel();
            return progress;
        });
        awaitDone();

        assertThat(progressAtCancel).isGreaterThan(0).isLessThan(1);
        assertThat(studio.project()).isEqualTo(before);
        assertThat(studio.document().history().canUndo()).isFalse();
        assertThat(dialogs.problems).isEmpty();
        assertThat(studio.statusProperty().get()).contains("cancelled", "target track is unchanged");
        assertThat(extraction.busyProperty().get()).isFalse();
        assertThat(studio.drivingVideoProperty().get()).isNull();
    }

    @Test
    void aSecondRunWhileOneIsBusyIsRefused() {
        String id = importFrame30();
        Project before = studio.project();
        fx(() -> {
            extraction.extractFromVideo(DwposeTestData.VIDEO, VideoExtractionOptions.defaults());
            extraction.detectPose(id);
        });
        assertThat(fx(() -> studio.statusProperty().get())).contains("already running");
        fx(extraction::cancel);
        awaitDone();
        assertThat(studio.project()).isEqualTo(before);
    }

    private void awaitDone() {
        ExtractionWaits.awaitStopped(tasks, extraction);
    }

    private static double[] fittedToCanvas(double[] point, int width, int height) {
        double scale = Math.min(width / (double) DwposeTestData.VIDEO_WIDTH, height / (double) DwposeTestData.VIDEO_HEIGHT);
        return new double[] {point[0] * scale + (width - DwposeTestData.VIDEO_WIDTH * scale) / 2,
                point[1] * scale + (height - DwposeTestData.VIDEO_HEIGHT * scale) / 2};
    }

    /** Where the stand-in estimator puts the nose (COCO point 0) of a person in an image of w x h pixels. */
    private static double[] nose(double[] letterboxedBox, int imageWidth, int imageHeight) {
        return DwposeTestModels.expectedImagePoint(0, letterboxedBox, imageWidth, imageHeight);
    }

    private static void assertNose(PersonPose person, double[] expected) {
        assertThat(person.confidence(0)).isGreaterThanOrEqualTo(0.3);
        assertThat(person.x(0)).isCloseTo(expected[0], within(1.0));
        assertThat(person.y(0)).isCloseTo(expected[1], within(1.0));
    }
}
