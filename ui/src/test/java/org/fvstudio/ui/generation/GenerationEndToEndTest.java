package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.fvstudio.ui.studio.FxTestSupport.awaitJobs;
import static org.fvstudio.ui.studio.FxTestSupport.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.ExportResult;
import org.fvstudio.export.FrameSource;
import org.fvstudio.export.Images;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.export.VideoReadback;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.io.FolderCopy;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.edit.SnapshotEdit;
import org.fvstudio.ui.export.ExportKind;
import org.fvstudio.ui.generation.pictures.FramePicture;
import org.fvstudio.ui.export.ExportRequest;
import org.fvstudio.ui.export.ExportRunner;
import org.fvstudio.ui.heatmap.HeatmapTile;
import org.fvstudio.ui.studio.ScriptedDialogs;
import org.fvstudio.ui.studio.StudioViewModel;
import org.fvstudio.ui.studio.ViewerMode;
import org.fvstudio.ui.task.BackgroundTasks;
import org.fvstudio.ui.task.Outcome;
import org.fvstudio.ui.view.StudioWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 6's scenario through the real window, headless, on CPU: open (a copy of) the bundled sample project,
 * generate 8 frames with the bundled pack at 2 steps, heatmaps and share bars per enabled reference, an edited
 * keyframe marks exactly the affected frames stale, reopening restores results from the cache, and the
 * side-by-side review MP4 decodes as written. The other export kinds then run on those frames. Nothing here
 * depends on the pixels the pack produces, only on how they travel.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationEndToEndTest {

    private static final int STEPS = 2;

    @TempDir
    static Path temp;

    private static Generated generated;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BackgroundTasks tasks;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        window = StudioFixture.shownWindow(stage, tasks, temp, dialogs);
    }

    @AfterEach
    void stop() {
        window.generation().close();
        tasks.close();
    }

    @Test
    @Order(1)
    void generateInspectEditStaleReopenAndExport(FxRobot robot) throws Exception {
        StudioViewModel studio = window.viewModel();
        GenerationWorkspace generation = window.generation();
        Path bundle = copySample(temp.resolve("e2e"));
        fx(() -> studio.open(bundle));
        awaitJobs(tasks);
        awaitRefresh(generation);
        assertThat(studio.project().name()).isEqualTo("Sample");
        assertThat(studio.project().generation().packId()).isEqualTo("fvs-tiny");
        assertThat(generation.results().frames()).isEmpty();
        List<ReferenceShot> enabled = studio.project().references().stream().filter(ReferenceShot::enabled).toList();
        List<String> enabledIds = enabled.stream().map(ReferenceShot::id).toList();
        assertThat(enabledIds).hasSizeGreaterThanOrEqualTo(2);

        // Few steps through the panel (an undoable edit), frames 0-7 (the in/out range), the panel's button.
        Spinner<Integer> steps = robot.lookup("#stepsSpinner").queryAs(Spinner.class);
        fx(() -> steps.getValueFactory().setValue(STEPS));
        assertThat(studio.project().generation().steps()).isEqualTo(STEPS);
        fx(() -> {
            window.timelineEditor().transport().inPointProperty().set(0);
            window.timelineEditor().transport().outPointProperty().set(7);
            generation.rangeProperty().set(FrameRange.IN_OUT);
        });
        Button generate = robot.lookup("#generateButton").queryButton();
        fx(generate::fire);
        waitUntil(240, () -> fx(() -> !generation.service().isBusy()));
        assertThat(dialogs.problems).isEmpty();
        assertThat(fx(() -> new TreeSet<>(generation.results().frames().keySet()))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(fx(() -> Set.copyOf(generation.results().stale()))).isEmpty();
        assertThat(studio.statusProperty().get()).startsWith("Generated 8 of 8 frames");
        assertThat(robot.lookup("#runningDeviceLabel").queryLabeled().getText()).startsWith("running on: CPU");
        GeneratedFrame frame3 = fx(() -> generation.results().at(3).orElseThrow());
        assertThat(frame3.image().width()).isPositive();
        assertThat(frame3.settings()).isEqualTo(studio.project().generation());
        assertThat(frame3.settings().steps()).isEqualTo(STEPS);

        // One heatmap tile and one share bar per enabled reference, for the current frame.
        fx(() -> {
            studio.currentFrameProperty().set(3);
            window.showResults();
        });
        List<HeatmapTile> tiles = fx(() -> window.heatmaps().tiles());
        assertThat(tiles).extracting(HeatmapTile::referenceId).containsExactlyElementsOf(enabledIds);
        assertThat(robot.lookup(".heatmap-tile").queryAll()).hasSize(enabled.size());
        assertThat(robot.lookup(".share-bar").queryAllAs(ProgressBar.class)).hasSize(enabled.size())
                .allSatisfy(bar -> assertThat(bar.getProgress()).isBetween(0.0, 1.0));
        double shareSum = frame3.references().stream().mapToDouble(ReferenceResult::share).sum();
        assertThat(shareSum).isGreaterThan(0.5).isLessThanOrEqualTo(1.0 + 1e-9);
        for (String id : enabledIds) {
            assertThat(robot.lookup("#share-" + id).queryLabeled().getText())
                    .isEqualTo(String.format("%.1f %%", frame3.reference(id).orElseThrow().share() * 100));
        }
        String first = enabledIds.get(0);
        String hover = fx(() -> tiles.get(0).describePoint(0.5, 0.3));
        String firstName = fx(() -> window.viewModel().project().reference(first).orElseThrow().name());
        assertThat(hover).startsWith(firstName + ": correlation ").containsAnyOf("· selected", "· not selected");
        // The hover's "selected" agrees with the token mask of the first bank.
        boolean selectedSomewhere = false;
        for (double u = 0.01; u < 1; u += 0.05) {
            for (double v = 0.01; v < 1; v += 0.05) {
                boolean selected = frame3.mask().isSelected(0, u, v);
                selectedSomewhere |= selected;
                assertThat(tiles.get(0).describePoint(u, v)).endsWith(selected ? "· selected" : "· not selected");
            }
        }
        assertThat(selectedSomewhere || frame3.mask().countOf(1) > 0).isTrue();
        assertThat(window.results().generatedImage()).isNotNull();
        assertThat(window.results().skeletonImage()).isNotNull();

        // The strip describes each generated frame's shares; clicking a heatmap opens that reference.
        GeneratedStrip strip = robot.lookup("#generatedStrip").queryAs(GeneratedStrip.class);
        String described = fx(() -> strip.describe(3));
        assertThat(described).startsWith("Frame 3:");
        enabled.forEach(shot -> assertThat(described).contains(shot.name()));
        assertThat(fx(() -> strip.describe(12))).isEqualTo("Frame 12: not generated");
        fx(() -> javafx.event.Event.fireEvent(tiles.get(1).picture(), new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 80, 80, 80, 80, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, true, null)));
        assertThat(studio.selectedReferenceIdProperty().get()).isEqualTo(enabledIds.get(1));
        assertThat(studio.viewerModeProperty().get()).isEqualTo(ViewerMode.REFERENCE);

        // Edit the keyframe at frame 5. The expected stale set comes from the target poses the model sees
        // (track and camera), compared frame by frame, not from the cache keys under test.
        Project before = studio.project();
        Project after = moveKeyframe(before, 5, 15);
        List<Integer> changed = new ArrayList<>();
        for (int f = 0; f < before.frameCount(); f++) {
            if (!before.targetPoseAt(f).equals(after.targetPoseAt(f))) {
                changed.add(f);
            }
        }
        List<Integer> expectedStale = changed.stream().filter(f -> f <= 7).toList();
        assertThat(expectedStale).isNotEmpty().contains(5).hasSizeLessThan(8);
        fx(() -> studio.edit(new SnapshotEdit("Move keyframe 5", before, after)));
        awaitRefresh(generation);
        assertThat(fx(() -> List.copyOf(new TreeSet<>(generation.results().stale())))).containsExactlyElementsOf(expectedStale);
        assertThat(fx(() -> strip.describe(5))).startsWith("Frame 5 (stale):");
        assertThat(fx(() -> strip.describe(0))).startsWith("Frame 0:");
        List<Integer> notGenerated = IntStream.range(8, before.frameCount()).boxed().toList();
        assertThat(fx(() -> generation.framesOf(FrameRange.STALE))).containsExactlyElementsOf(concat(expectedStale, notGenerated));

        // Undo: the inputs are those of the stored results again, nothing is stale.
        fx(studio::undo);
        awaitRefresh(generation);
        assertThat(fx(() -> Set.copyOf(generation.results().stale()))).isEmpty();

        // "Use these settings" recalls a result's settings as an undoable edit.
        fx(() -> generation.studio().edit(GenerationEdits.steps(studio.project(), 9)));
        assertThat(studio.project().generation().steps()).isEqualTo(9);
        awaitRefresh(generation);
        assertThat(fx(() -> generation.results().stale().size())).isEqualTo(8);
        fx(() -> generation.useSettingsOf(3));
        assertThat(studio.project().generation()).isEqualTo(frame3.settings());
        awaitRefresh(generation);
        assertThat(fx(() -> generation.results().stale())).isEmpty();

        // Save, open another project, reopen: results come back from cache/, nothing is generated again.
        fx(() -> studio.save());
        awaitJobs(tasks);
        fx(studio::newProject);
        awaitRefresh(generation);
        assertThat(fx(() -> generation.results().frames())).isEmpty();
        fx(() -> studio.open(bundle));
        awaitJobs(tasks);
        awaitRefresh(generation);
        assertThat(fx(() -> new TreeSet<>(generation.results().frames().keySet()))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(fx(() -> generation.results().stale())).isEmpty();
        assertThat(fx(() -> generation.service().queue().isEmpty() && generation.service().runningProperty().get() == null)).isTrue();
        GeneratedFrame restored = fx(() -> generation.results().at(3).orElseThrow());
        assertThat(org.fvstudio.export.Images.samePixels(restored.image(), frame3.image())).isTrue();
        assertThat(restored.settings()).isEqualTo(frame3.settings());
        assertThat(restored.mask()).isEqualTo(frame3.mask());
        assertThat(Files.isDirectory(bundle.resolve("cache").resolve("entries"))).isTrue();
        // Kept in memory: the cache is cleared below, and the later tests export these frames.
        generated = new Generated(studio.project(), bundle, fx(() -> keptInMemory(generation.results().frames())));

        // Export the side-by-side review video through the UI and read it back.
        Path video = temp.resolve("review.mp4");
        ExportRequest review = new ExportRequest(ExportKind.SIDE_BY_SIDE, video, VideoQuality.HIGH, 128, 0.6, true);
        fx(() -> window.exports().export(review));
        awaitJobs(tasks);
        assertThat(window.exports().lastOutcomeProperty().get()).isInstanceOf(Outcome.Success.class);
        assertThat(dialogs.problems).isEmpty();
        VideoReadback.Video read = readBack(video, 8);
        assertThat(read.height()).isEqualTo(128);
        // target | generated | one panel per reference, each scaled to height 128 with its aspect ratio kept
        assertThat(read.width()).isGreaterThan((2 + enabled.size()) * 128 / 2).isEven();
        FrameSource composed = generated.runner().videoFrames(review);
        assertThat(read.width()).isEqualTo(composed.width() + composed.width() % 2);
        assertSourceMatches(read, composed, 3);

        // Clear cache from the UI: results and stored entries go.
        fx(() -> robot.lookup("#clearCacheButton").queryButton().fire());
        waitUntil(20, () -> fx(() -> generation.results().frames().isEmpty()));
        awaitRefresh(generation);
        try (var entries = Files.list(bundle.resolve("cache").resolve("entries"))) {
            assertThat(entries.count()).isZero();
        }
    }

    // ---- the other export kinds, on the frames generated above (cheap: no generation of their own) ------

    @Test
    @Order(2)
    void plainMp4HoldsTheGeneratedFrames() throws Exception {
        Generated g = requireGenerated();
        Path video = temp.resolve("frames.mp4");
        ExportRequest request = new ExportRequest(ExportKind.MP4, video, VideoQuality.HIGH, 128, 0.6, true);
        ExportResult result = g.runner().run(request, ExportMonitor.NONE);
        assertThat(result.frames()).isEqualTo(8);
        VideoReadback.Video read = readBack(video, 8);
        RgbImage frame6 = g.frames().get(6).image();
        assertThat(read.width()).isEqualTo(frame6.width() + frame6.width() % 2);
        assertThat(read.height()).isEqualTo(frame6.height() + frame6.height() % 2);
        // Checked against the generated frame itself, not a recomposition.
        assertThat(VideoReadback.psnr(read.frames().get(6), frame6, frame6.width(), frame6.height())).isGreaterThanOrEqualTo(30);
    }

    @Test
    @Order(3)
    void heatmapOnlyVideoShowsEveryReference() throws Exception {
        Generated g = requireGenerated();
        Path video = temp.resolve("heatmaps.mp4");
        ExportRequest request = new ExportRequest(ExportKind.HEATMAPS, video, VideoQuality.HIGH, 96, 0.6, false);
        g.runner().run(request, ExportMonitor.NONE);
        VideoReadback.Video read = readBack(video, 8);
        assertThat(read.height()).isEqualTo(96);
        FrameSource composed = g.runner().videoFrames(request);
        assertThat(read.width()).isEqualTo(composed.width() + composed.width() % 2);
        assertSourceMatches(read, composed, 2);
        // The panels differ from frame to frame only where the maps do: frames 0 and 7 are not one picture.
        assertThat(VideoReadback.psnr(read.frames().get(0), read.frames().get(7))).isLessThan(60);
    }

    @Test
    @Order(4)
    void pngSequenceHoldsEveryGeneratedFrameExactly() throws Exception {
        Generated g = requireGenerated();
        Path folder = temp.resolve("png");
        ExportResult result = g.runner().run(new ExportRequest(ExportKind.PNG_SEQUENCE, folder, VideoQuality.STANDARD, 128,
                0.6, true), ExportMonitor.NONE);
        assertThat(result.frames()).isEqualTo(8);
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(8);
        List<GeneratedFrame> ordered = new ArrayList<>(new TreeMap<>(g.frames()).values());
        for (int i = 0; i < files.size(); i++) {
            assertThat(Images.samePixels(PngImages.read(files.get(i)), ordered.get(i).image()))
                    .as("PNG %s", files.get(i).getFileName()).isTrue();
        }
    }

    @Test
    @Order(5)
    void openPoseJsonReimportsToTheTargetTrack() throws Exception {
        Generated g = requireGenerated();
        Path folder = temp.resolve("openpose");
        ExportResult result = g.runner().run(new ExportRequest(ExportKind.OPENPOSE_JSON, folder, VideoQuality.STANDARD, 128,
                0.6, true), ExportMonitor.NONE);
        Project project = g.project();
        assertThat(result.frames()).isEqualTo(project.frameCount());
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(project.frameCount());
        OpenPoseReader reader = new OpenPoseReader();
        for (int f : new int[] {0, 17, project.frameCount() - 1}) {
            Pose read = reader.readFrame(files.get(f));
            Pose expected = project.targetPoseAt(f);
            assertThat(read.canvasWidth()).isEqualTo(project.canvasWidth());
            assertThat(read.people()).hasSameSizeAs(expected.people());
            PersonPose a = read.people().get(0);
            PersonPose b = expected.people().get(0);
            for (int k = 0; k < PersonPose.KEYPOINT_COUNT; k++) {
                if (b.confidence(k) > 0) {
                    assertThat(a.x(k)).as("frame %d keypoint %d x", f, k).isCloseTo(b.x(k), offset(1e-3));
                    assertThat(a.y(k)).as("frame %d keypoint %d y", f, k).isCloseTo(b.y(k), offset(1e-3));
                }
            }
        }
    }

    /** The project, bundle and frames of the generation above, for the export tests. */
    private record Generated(Project project, Path bundle, Map<Integer, GeneratedFrame> frames) {
        ExportRunner runner() {
            return new ExportRunner(project, bundle, frames);
        }
    }

    private static Map<Integer, GeneratedFrame> keptInMemory(Map<Integer, GeneratedFrame> frames) {
        Map<Integer, GeneratedFrame> kept = new TreeMap<>();
        frames.forEach((number, frame) -> kept.put(number, frame.withPicture(FramePicture.kept(frame.image()))));
        return kept;
    }

    private static Generated requireGenerated() {
        Assumptions.assumeTrue(generated != null, "the end-to-end generation did not complete");
        return generated;
    }

    private static Path copySample(Path dir) throws IOException {
        Path sample = BundledAssets.locate().flatMap(BundledAssets::sampleProject)
                .orElseThrow(() -> new IllegalStateException("the bundled sample project is missing from assets/"));
        Path copy = dir.resolve(sample.getFileName().toString());
        FolderCopy.copy(sample, copy);
        return copy;
    }

    /** Reads a video back and checks what every export video shares: frame count, fps, H.264, even size. */
    private static VideoReadback.Video readBack(Path video, int frames) throws IOException {
        assertThat(video).isRegularFile();
        VideoReadback.Video read = VideoReadback.read(video);
        assertThat(read.reportedFrames()).isEqualTo(frames);
        assertThat(read.frames()).hasSize(frames);
        assertThat(read.fps()).isCloseTo(24.0, offset(0.01));
        assertThat(read.codec()).isIn("h264", "libopenh264", "libx264");
        assertThat(read.width() % 2).isZero();
        assertThat(read.height() % 2).isZero();
        return read;
    }

    /** One decoded frame against the image it was encoded from (padding excluded). */
    private static void assertSourceMatches(VideoReadback.Video read, FrameSource source, int index) throws Exception {
        RgbImage expected = source.frame(index);
        double psnr = VideoReadback.psnr(read.frames().get(index), expected, expected.width(), expected.height());
        assertThat(psnr).as("PSNR of decoded frame %d", index).isGreaterThanOrEqualTo(30);
    }

    static Project moveKeyframe(Project project, int frame, double dx) {
        PersonTrack person = project.target().people().get(0);
        PoseKeyframe key = person.keyAt(frame).orElseThrow();
        PersonPose moved = key.pose().transformed(1, 0, 0, 1, dx, 0);
        return project.withTarget(project.target().withPerson(0, person.withKey(key.withPose(moved))));
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static void awaitRefresh(GenerationWorkspace generation) {
        waitUntil(30, () -> fx(() -> generation.refreshesAppliedProperty().get() >= generation.refreshesRequestedProperty().get()));
    }

    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

}
